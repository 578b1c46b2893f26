/*
 * OneStop (issue 7): Tasklist opens every task list sorted by due date, nearest first, so the clerk sees
 * the dossiers that run late before the others. Activated by the tasklist config.js:
 *   customScripts: ['scripts/onestop-due-first.js']
 *
 * Tasklist keeps its sort order in the page address (#/?...&sorting=[...]) and, when the address has
 * none, falls back to "creation date, newest first". This script puts the due-date order into any
 * Tasklist address that has no sort order yet; an order the clerk picks in the list header is in the
 * address and is left alone (also when she switches filters or reloads).
 */
const SORTING = 'sorting';
const DUE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function withDueFirst() {
  const hash = window.location.hash || '#/';
  if (hash !== '#/' && !hash.startsWith('#/?')) {
    return; // the login page, a task's own page, ...: no list there
  }
  const query = hash.indexOf('?') > -1 ? hash.substring(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  if (params.has(SORTING)) {
    return;
  }
  params.set(SORTING, DUE_FIRST);
  window.history.replaceState(window.history.state, '', '#/?' + params.toString());
}

withDueFirst();
window.addEventListener('hashchange', withDueFirst);

export default [];
