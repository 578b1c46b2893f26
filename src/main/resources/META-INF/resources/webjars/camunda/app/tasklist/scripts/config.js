// OneStop: Tasklist's config.js (replaces Camunda's shipped example). Locale and date settings are shared by
// every webapp in ../../onestop/settings.js.
import onestop from '../../onestop/settings.js';

export default {
  ...onestop,
  // Every task list opens sorted by due date, nearest first (scripts/onestop-due-first.js); Camunda Forms'
  // messages and engine refusals in Vietnamese (scripts/onestop-vietnamese.js); the "Hồ sơ" tab beside every
  // dossier task, with scans, slips and the result (scripts/onestop-dossier.js, plugin point tasklist.task.detail)
  customScripts: ['scripts/onestop-due-first.js', 'scripts/onestop-vietnamese.js', 'scripts/onestop-dossier.js'],
  // Keyboard shortcuts described in Vietnamese (Tasklist shows these texts in its help dialog)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận xử lý công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển đến bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển đến công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển đến ô nhập đầu tiên của biểu mẫu công việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại khởi tạo quy trình'
    }
  }
};
