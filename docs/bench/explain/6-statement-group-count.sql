-- The count of the shared "group" filter for the demo clerk as OneStop's statement asks it (identity/SharedFilterQueries):
-- the engine's authorization check restated as three EXISTS with one equality each, which PostgreSQL hashes.
SELECT COUNT(*) FROM ACT_RU_TASK RES LEFT JOIN ACT_RE_PROCDEF D ON D.ID_ = RES.PROC_DEF_ID_
WHERE RES.TENANT_ID_ IS NULL AND RES.ASSIGNEE_ IS NULL
 AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN ('nhan-co-clerks'))
 AND (RES.CASE_EXECUTION_ID_ IS NOT NULL
  OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = '*' AND A.TYPE_ < 2 AND (A.USER_ID_ IN ('clerk', '*') OR A.GROUP_ID_ IN ('nhan-co-clerks')) AND (A.RESOURCE_TYPE_ = 7 AND (A.PERMS_ & 2) = 2 OR A.RESOURCE_TYPE_ = 6 AND (A.PERMS_ & 64) = 64))
  OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = RES.ID_ AND A.TYPE_ < 2 AND (A.USER_ID_ IN ('clerk', '*') OR A.GROUP_ID_ IN ('nhan-co-clerks')) AND (A.RESOURCE_TYPE_ = 7 AND (A.PERMS_ & 2) = 2 OR A.RESOURCE_TYPE_ = 6 AND (A.PERMS_ & 64) = 64))
  OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = D.KEY_ AND A.TYPE_ < 2 AND (A.USER_ID_ IN ('clerk', '*') OR A.GROUP_ID_ IN ('nhan-co-clerks')) AND (A.RESOURCE_TYPE_ = 7 AND (A.PERMS_ & 2) = 2 OR A.RESOURCE_TYPE_ = 6 AND (A.PERMS_ & 64) = 64)))
