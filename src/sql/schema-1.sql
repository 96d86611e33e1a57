-- lianfang schema, version 1 (PRAGMA user_version = 1).
--
-- Two halves:
--  * Records that travel (unit … summary): one table per kind. Each row is the
--    visible state of one record, derived from its revisions in `rev` (see
--    include/lianfang/rec.h). Columns gid, owner, rid, deleted come first; the
--    rest are the record's fields, in the order of src/kinds.c, which must match.
--    References between records use gids and are checked at commit
--    (DEFERRABLE), so a merge may bring records in any order.
--  * Local bookkeeping that never travels as records: meta, rev edges, audit
--    chain, accounts, drafts, exchange state.
--
-- Deleted records stay as rows with deleted = 1, so references never dangle.
-- Every reference column is indexed: SQLite looks up children of a new row
-- while deferred references are outstanding, and a scan per insert would make
-- large transactions (merges, imports) quadratic. A row's `rid` is checked by
-- `lianfang check`, not by a foreign key, for the same reason.

CREATE TABLE meta(
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Every revision of every record known here (made here or merged).
CREATE TABLE rev(
  rid     TEXT PRIMARY KEY NOT NULL CHECK(length(rid) = 64 AND rid NOT GLOB '*[^0-9a-f]*'),
  gid     TEXT NOT NULL CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  kind    TEXT NOT NULL,
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  gen     INTEGER NOT NULL CHECK(gen >= 1),
  parents TEXT NOT NULL,
  author  TEXT NOT NULL CHECK(length(author) BETWEEN 1 AND 32),
  at      TEXT NOT NULL CHECK(length(at) = 20),
  deleted INTEGER NOT NULL CHECK(deleted IN (0, 1)),
  body    TEXT NOT NULL,
  hash    TEXT NOT NULL CHECK(length(hash) = 64),
  leaf    INTEGER NOT NULL DEFAULT 1 CHECK(leaf IN (0, 1))   -- local: no revision here names it as parent
);
CREATE INDEX rev_gid ON rev(gid, leaf);

CREATE TABLE rev_parent(
  parent TEXT NOT NULL,
  child  TEXT NOT NULL REFERENCES rev(rid),
  PRIMARY KEY(parent, child)
) WITHOUT ROWID;
CREATE INDEX rev_parent_child ON rev_parent(child);

-- The audit chain: one chain per unit; each entry hashes the one before.
CREATE TABLE audit(
  unit    TEXT NOT NULL,
  seq     INTEGER NOT NULL CHECK(seq >= 1),
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  kind    TEXT NOT NULL DEFAULT '',
  gid     TEXT NOT NULL DEFAULT '',
  before  TEXT NOT NULL DEFAULT '',   -- rid before (records) or JSON (local changes)
  after   TEXT NOT NULL DEFAULT '',
  prev    TEXT NOT NULL CHECK(length(prev) = 64),
  hash    TEXT NOT NULL CHECK(length(hash) = 64),
  PRIMARY KEY(unit, seq)
) WITHOUT ROWID;
CREATE INDEX audit_gid ON audit(gid) WHERE gid <> '';

-- Accounts: who may sign in here. Local to this database; never travel.
CREATE TABLE account(
  id           INTEGER PRIMARY KEY,
  login        TEXT NOT NULL UNIQUE CHECK(length(login) BETWEEN 1 AND 32 AND login NOT GLOB '*[^0-9A-Za-z._-]*'),
  name         TEXT NOT NULL CHECK(length(name) BETWEEN 1 AND 50),
  person       TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  sys_user     TEXT UNIQUE CHECK(sys_user IS NULL OR length(sys_user) BETWEEN 1 AND 64),
  pw_hash      TEXT CHECK(pw_hash IS NULL OR length(pw_hash) <= 128),
  failures     INTEGER NOT NULL DEFAULT 0 CHECK(failures >= 0),
  locked_until TEXT,
  retired      INTEGER NOT NULL DEFAULT 0 CHECK(retired IN (0, 1)),
  created      TEXT NOT NULL
);

CREATE INDEX account_person ON account(person);

CREATE TABLE account_role(
  account INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  role    TEXT NOT NULL CHECK(role IN ('staff', 'head', 'leader', 'principal', 'discipline', 'admin', 'upper')),
  dept    TEXT REFERENCES dept(gid) DEFERRABLE INITIALLY DEFERRED,   -- NULL: the whole unit
  UNIQUE(account, role, dept)
);
CREATE INDEX account_role_dept ON account_role(dept);

-- Unsaved form contents, kept for their user (SIGHUP, closed terminal, "keep as draft").
CREATE TABLE draft(
  login  TEXT NOT NULL,
  form   TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',     -- gid of the record being edited, '' for a new one
  data   TEXT NOT NULL,                -- JSON object: field name → text typed
  saved  TEXT NOT NULL,
  PRIMARY KEY(login, form, target)
) WITHOUT ROWID;

-- Exchange: which revisions a peer unit is known to hold (from its acknowledgements).
CREATE TABLE peer_ack(
  peer TEXT NOT NULL,
  rid  TEXT NOT NULL,
  PRIMARY KEY(peer, rid)
) WITHOUT ROWID;

-- Exchange: every bundle packed or merged here.
CREATE TABLE bundle_log(
  id        INTEGER PRIMARY KEY,
  direction TEXT NOT NULL CHECK(direction IN ('pack-up', 'pack-down', 'merge')),
  peer      TEXT NOT NULL,
  file      TEXT NOT NULL,
  hash      TEXT NOT NULL,
  at        TEXT NOT NULL,
  result    TEXT NOT NULL
);

-- ============================================================ organisation

CREATE TABLE unit(
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  code    TEXT NOT NULL UNIQUE CHECK(length(code) BETWEEN 2 AND 32 AND code NOT GLOB '*[^0-9A-Za-z-]*'),
  name    TEXT NOT NULL CHECK(length(name) BETWEEN 1 AND 100),
  parent  TEXT CHECK(parent IS NULL OR (length(parent) BETWEEN 2 AND 32 AND parent NOT GLOB '*[^0-9A-Za-z-]*'))
);

-- Unit configuration that travels with its records (grading scheme, lists).
CREATE TABLE setting(
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  key     TEXT NOT NULL CHECK(length(key) BETWEEN 1 AND 64),
  value   TEXT NOT NULL CHECK(length(value) <= 20000)
);
CREATE INDEX setting_key ON setting(owner, key);

CREATE TABLE dept(
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  name    TEXT NOT NULL CHECK(length(name) BETWEEN 1 AND 100),
  seq     INTEGER CHECK(seq IS NULL OR seq BETWEEN 0 AND 9999),
  head    TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,   -- 处室负责人
  leader  TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,   -- 分管领导
  retired INTEGER NOT NULL DEFAULT 0 CHECK(retired IN (0, 1))
);
CREATE INDEX dept_owner ON dept(owner, seq, name);
CREATE INDEX dept_head ON dept(head);
CREATE INDEX dept_leader ON dept(leader);

CREATE TABLE post(
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  dept    TEXT NOT NULL REFERENCES dept(gid) DEFERRABLE INITIALLY DEFERRED,
  name    TEXT NOT NULL CHECK(length(name) BETWEEN 1 AND 100),
  duties  TEXT CHECK(duties IS NULL OR length(duties) <= 10000),
  seq     INTEGER CHECK(seq IS NULL OR seq BETWEEN 0 AND 9999),
  retired INTEGER NOT NULL DEFAULT 0 CHECK(retired IN (0, 1))
);
CREATE INDEX post_dept ON post(dept, seq, name);

CREATE TABLE person(
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  name    TEXT NOT NULL CHECK(length(name) BETWEEN 1 AND 50),
  post    TEXT REFERENCES post(gid) DEFERRABLE INITIALLY DEFERRED,
  title   TEXT CHECK(title IS NULL OR length(title) <= 100),             -- 职务
  retired INTEGER NOT NULL DEFAULT 0 CHECK(retired IN (0, 1))
);
CREATE INDEX person_post ON person(post);
CREATE INDEX person_name ON person(owner, name);

-- ============================================================ phase 1: mobilize

CREATE TABLE cycle(
  id       INTEGER PRIMARY KEY,          -- local row number; never travels
  gid      TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner    TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid      TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  year     INTEGER NOT NULL CHECK(year BETWEEN 2000 AND 2100),
  title    TEXT CHECK(title IS NULL OR length(title) <= 200),
  p1_start TEXT CHECK(p1_start IS NULL OR date(julianday(p1_start)) IS p1_start),
  p1_end   TEXT CHECK(p1_end IS NULL OR date(julianday(p1_end)) IS p1_end),
  p2_start TEXT CHECK(p2_start IS NULL OR date(julianday(p2_start)) IS p2_start),
  p2_end   TEXT CHECK(p2_end IS NULL OR date(julianday(p2_end)) IS p2_end),
  p3_start TEXT CHECK(p3_start IS NULL OR date(julianday(p3_start)) IS p3_start),
  p3_end   TEXT CHECK(p3_end IS NULL OR date(julianday(p3_end)) IS p3_end),
  p4_start TEXT CHECK(p4_start IS NULL OR date(julianday(p4_start)) IS p4_start),
  p4_end   TEXT CHECK(p4_end IS NULL OR date(julianday(p4_end)) IS p4_end),
  phase    INTEGER CHECK(phase IS NULL OR phase BETWEEN 1 AND 4),      -- set by hand; NULL: by the dates
  closed   INTEGER NOT NULL DEFAULT 0 CHECK(closed IN (0, 1))
);
CREATE INDEX cycle_year ON cycle(owner, year);

CREATE TABLE plan(                                                       -- 实施方案
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle   TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  title   TEXT NOT NULL CHECK(length(title) BETWEEN 1 AND 200),
  doc_no  TEXT CHECK(doc_no IS NULL OR length(doc_no) <= 100),          -- 文号
  issued  TEXT CHECK(issued IS NULL OR date(julianday(issued)) IS issued),
  office  TEXT CHECK(office IS NULL OR length(office) <= 100),          -- 牵头办公室
  body    TEXT CHECK(body IS NULL OR length(body) <= 200000)
);
CREATE INDEX plan_cycle ON plan(cycle);

CREATE TABLE group_member(                                               -- 领导小组成员
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle   TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  person  TEXT NOT NULL REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  role    TEXT NOT NULL CHECK(length(role) BETWEEN 1 AND 50),            -- 组长, 副组长, 成员, 办公室主任
  duty    TEXT CHECK(duty IS NULL OR length(duty) <= 500),
  seq     INTEGER CHECK(seq IS NULL OR seq BETWEEN 0 AND 9999)
);
CREATE INDEX group_member_cycle ON group_member(cycle, seq);
CREATE INDEX group_member_person ON group_member(person);

CREATE TABLE meeting(                                                    -- 动员会、学习
  id        INTEGER PRIMARY KEY,          -- local row number; never travels
  gid       TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner     TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid       TEXT NOT NULL,
  deleted   INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle     TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  held      TEXT NOT NULL CHECK(date(julianday(held)) IS held),
  kind      TEXT NOT NULL CHECK(length(kind) BETWEEN 1 AND 50),
  title     TEXT CHECK(title IS NULL OR length(title) <= 200),
  place     TEXT CHECK(place IS NULL OR length(place) <= 200),
  attendees TEXT CHECK(attendees IS NULL OR length(attendees) <= 2000),
  count     INTEGER CHECK(count IS NULL OR count BETWEEN 0 AND 100000),
  notes     TEXT CHECK(notes IS NULL OR length(notes) <= 20000)
);
CREATE INDEX meeting_cycle ON meeting(cycle, held);

-- ============================================================ phase 2: identify

CREATE TABLE power(                                                      -- 职权目录
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  dept    TEXT NOT NULL REFERENCES dept(gid) DEFERRABLE INITIALLY DEFERRED,
  post    TEXT REFERENCES post(gid) DEFERRABLE INITIALLY DEFERRED,
  name    TEXT NOT NULL CHECK(length(name) BETWEEN 1 AND 200),
  content TEXT CHECK(content IS NULL OR length(content) <= 10000),
  kind    TEXT NOT NULL CHECK(kind IN ('决策', '执行', '监督')),
  area    TEXT CHECK(area IS NULL OR length(area) <= 100),              -- 业务领域
  basis   TEXT CHECK(basis IS NULL OR length(basis) <= 5000),           -- 法律依据
  holder  TEXT CHECK(holder IS NULL OR length(holder) <= 200),          -- 行使主体
  seq     INTEGER CHECK(seq IS NULL OR seq BETWEEN 0 AND 9999),
  retired INTEGER NOT NULL DEFAULT 0 CHECK(retired IN (0, 1))
);
CREATE INDEX power_dept ON power(dept, seq, name);
CREATE INDEX power_post ON power(post);

CREATE TABLE flow_step(                                                  -- 权力运行流程图的一步
  id          INTEGER PRIMARY KEY,          -- local row number; never travels
  gid         TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner       TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid         TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  power       TEXT NOT NULL REFERENCES power(gid) DEFERRABLE INITIALLY DEFERRED,
  seq         INTEGER NOT NULL CHECK(seq BETWEEN 1 AND 999),
  actor       TEXT CHECK(actor IS NULL OR length(actor) <= 100),
  action      TEXT NOT NULL CHECK(length(action) BETWEEN 1 AND 2000),
  condition   TEXT CHECK(condition IS NULL OR length(condition) <= 2000),
  time_limit  TEXT CHECK(time_limit IS NULL OR length(time_limit) <= 100),
  supervision TEXT CHECK(supervision IS NULL OR length(supervision) <= 2000),
  risky       INTEGER NOT NULL DEFAULT 0 CHECK(risky IN (0, 1))
);
CREATE INDEX flow_step_power ON flow_step(power, seq);

CREATE TABLE selfcheck(                                                  -- 廉政风险自查表（岗位）
  id         INTEGER PRIMARY KEY,          -- local row number; never travels
  gid        TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner      TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid        TEXT NOT NULL,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle      TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  post       TEXT NOT NULL REFERENCES post(gid) DEFERRABLE INITIALLY DEFERRED,
  person     TEXT NOT NULL REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  duties     TEXT CHECK(duties IS NULL OR length(duties) <= 10000),
  filled     TEXT CHECK(filled IS NULL OR date(julianday(filled)) IS filled),
  status     TEXT NOT NULL CHECK(status IN ('draft', 'submitted', 'head_signed', 'leader_signed', 'returned', 'accepted')),
  grade      TEXT CHECK(grade IS NULL OR grade IN ('准确', '比较准确', '基本准确', '不准确')),
  rework_due TEXT CHECK(rework_due IS NULL OR date(julianday(rework_due)) IS rework_due),
  submitted  TEXT CHECK(submitted IS NULL OR date(julianday(submitted)) IS submitted)
);
CREATE INDEX selfcheck_cycle ON selfcheck(cycle, status);
CREATE INDEX selfcheck_post ON selfcheck(post);
CREATE INDEX selfcheck_person ON selfcheck(person);

CREATE TABLE risk(                                                       -- 廉政风险点
  id             INTEGER PRIMARY KEY,          -- local row number; never travels
  gid            TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner          TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid            TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle          TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  selfcheck      TEXT REFERENCES selfcheck(gid) DEFERRABLE INITIALLY DEFERRED,
  post           TEXT REFERENCES post(gid) DEFERRABLE INITIALLY DEFERRED,
  person         TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  power          TEXT REFERENCES power(gid) DEFERRABLE INITIALLY DEFERRED,
  step           TEXT REFERENCES flow_step(gid) DEFERRABLE INITIALLY DEFERRED,
  seq            INTEGER CHECK(seq IS NULL OR seq BETWEEN 0 AND 9999),
  description    TEXT NOT NULL CHECK(length(description) BETWEEN 1 AND 2000),
  category       TEXT CHECK(category IS NULL OR length(category) <= 50),
  source         TEXT CHECK(source IS NULL OR length(source) <= 50),
  found_by       TEXT CHECK(found_by IS NULL OR length(found_by) <= 50),
  probability    INTEGER CHECK(probability IS NULL OR probability BETWEEN 1 AND 5),
  severity       INTEGER CHECK(severity IS NULL OR severity BETWEEN 1 AND 5),
  level_proposed INTEGER CHECK(level_proposed IS NULL OR level_proposed BETWEEN 1 AND 3),  -- by the matrix; 1 low … 3 high
  level          INTEGER CHECK(level IS NULL OR level BETWEEN 1 AND 3),                    -- as decided
  level_reason   TEXT CHECK(level_reason IS NULL OR length(level_reason) <= 1000),         -- why it differs
  remarks        TEXT CHECK(remarks IS NULL OR length(remarks) <= 1000),
  retired        INTEGER NOT NULL DEFAULT 0 CHECK(retired IN (0, 1))
);
CREATE INDEX risk_cycle ON risk(cycle, level);
CREATE INDEX risk_selfcheck ON risk(selfcheck, seq);
CREATE INDEX risk_post ON risk(post);
CREATE INDEX risk_power ON risk(power);
CREATE INDEX risk_step ON risk(step);
CREATE INDEX risk_person ON risk(person);

-- ============================================================ phase 2 reviews, phase 3: prevent

CREATE TABLE measure(                                                    -- 防控措施
  id          INTEGER PRIMARY KEY,          -- local row number; never travels
  gid         TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner       TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid         TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  risk        TEXT NOT NULL REFERENCES risk(gid) DEFERRABLE INITIALLY DEFERRED,
  seq         INTEGER CHECK(seq IS NULL OR seq BETWEEN 0 AND 9999),
  stage       TEXT CHECK(stage IS NULL OR stage IN ('前期预防', '中期监控', '后期处置')),
  content     TEXT NOT NULL CHECK(length(content) BETWEEN 1 AND 5000),
  rule        TEXT CHECK(rule IS NULL OR length(rule) <= 500),          -- 制度
  responsible TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  supervisor  TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  due         TEXT CHECK(due IS NULL OR date(julianday(due)) IS due),
  status      TEXT NOT NULL CHECK(status IN ('planned', 'doing', 'done')),
  done        TEXT CHECK(done IS NULL OR date(julianday(done)) IS done)
);
CREATE INDEX measure_risk ON measure(risk, seq);
CREATE INDEX measure_responsible ON measure(responsible);
CREATE INDEX measure_supervisor ON measure(supervisor);

CREATE TABLE review(                                                     -- a step of the review chain
  id           INTEGER PRIMARY KEY,          -- local row number; never travels
  gid          TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner        TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid          TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  selfcheck    TEXT NOT NULL REFERENCES selfcheck(gid) DEFERRABLE INITIALLY DEFERRED,
  step         TEXT NOT NULL CHECK(step IN ('submit', 'head', 'leader', 'assess', 'upper')),
  result       TEXT CHECK(result IS NULL OR result IN ('同意', '退回')),
  grade        TEXT CHECK(grade IS NULL OR grade IN ('准确', '比较准确', '基本准确', '不准确')),
  opinion      TEXT CHECK(opinion IS NULL OR length(opinion) <= 5000),
  signer       TEXT NOT NULL CHECK(length(signer) BETWEEN 1 AND 50),
  signed       TEXT NOT NULL CHECK(date(julianday(signed)) IS signed),
  rework_due   TEXT CHECK(rework_due IS NULL OR date(julianday(rework_due)) IS rework_due),
  content_hash TEXT NOT NULL CHECK(length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*')  -- what it signed
);
CREATE INDEX review_selfcheck ON review(selfcheck, signed);

CREATE TABLE opinion(                                                    -- opinions on a summary table
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle   TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  dept    TEXT REFERENCES dept(gid) DEFERRABLE INITIALLY DEFERRED,         -- NULL: the unit's table
  role    TEXT NOT NULL CHECK(role IN ('处室负责人', '分管领导', '主要领导', '纪检组')),
  text    TEXT CHECK(text IS NULL OR length(text) <= 5000),
  signer  TEXT CHECK(signer IS NULL OR length(signer) <= 50),
  signed  TEXT CHECK(signed IS NULL OR date(julianday(signed)) IS signed)
);
CREATE INDEX opinion_cycle ON opinion(cycle, dept);
CREATE INDEX opinion_dept ON opinion(dept);

CREATE TABLE notice(                                                     -- 公示
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle   TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  title   TEXT NOT NULL CHECK(length(title) BETWEEN 1 AND 200),
  scope   TEXT CHECK(scope IS NULL OR length(scope) <= 200),
  start   TEXT CHECK(start IS NULL OR date(julianday(start)) IS start),
  "end"   TEXT CHECK("end" IS NULL OR date(julianday("end")) IS "end"),
  status  TEXT NOT NULL CHECK(status IN ('draft', 'open', 'closed', 'issued')),
  issued  TEXT CHECK(issued IS NULL OR date(julianday(issued)) IS issued),
  body    TEXT CHECK(body IS NULL OR length(body) <= 20000)
);
CREATE INDEX notice_cycle ON notice(cycle);

CREATE TABLE comment(                                                    -- 公示期间的意见
  id       INTEGER PRIMARY KEY,          -- local row number; never travels
  gid      TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner    TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid      TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  notice   TEXT NOT NULL REFERENCES notice(gid) DEFERRABLE INITIALLY DEFERRED,
  risk     TEXT REFERENCES risk(gid) DEFERRABLE INITIALLY DEFERRED,
  author   TEXT CHECK(author IS NULL OR length(author) <= 50),
  received TEXT CHECK(received IS NULL OR date(julianday(received)) IS received),
  content  TEXT NOT NULL CHECK(length(content) BETWEEN 1 AND 5000),
  reply    TEXT CHECK(reply IS NULL OR length(reply) <= 5000),
  replied  TEXT CHECK(replied IS NULL OR date(julianday(replied)) IS replied)
);
CREATE INDEX comment_notice ON comment(notice);
CREATE INDEX comment_risk ON comment(risk);

CREATE TABLE task(                                                       -- 分级防控任务
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle   TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  risk    TEXT REFERENCES risk(gid) DEFERRABLE INITIALLY DEFERRED,
  person  TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  kind    TEXT NOT NULL CHECK(length(kind) BETWEEN 1 AND 50),           -- 任前谈话, 抽查, 书面报告, 轮岗 …
  due     TEXT CHECK(due IS NULL OR date(julianday(due)) IS due),
  done    TEXT CHECK(done IS NULL OR date(julianday(done)) IS done),
  result  TEXT CHECK(result IS NULL OR length(result) <= 5000),
  by_name TEXT CHECK(by_name IS NULL OR length(by_name) <= 50)
);
CREATE INDEX task_cycle ON task(cycle, due);
CREATE INDEX task_risk ON task(risk);
CREATE INDEX task_person ON task(person);

CREATE TABLE warning(                                                    -- 预警
  id       INTEGER PRIMARY KEY,          -- local row number; never travels
  gid      TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner    TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid      TEXT NOT NULL,
  deleted  INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle    TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  source   TEXT NOT NULL CHECK(length(source) BETWEEN 1 AND 50),         -- 信访举报, 审计, 巡视 …
  person   TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  risk     TEXT REFERENCES risk(gid) DEFERRABLE INITIALLY DEFERRED,
  received TEXT NOT NULL CHECK(date(julianday(received)) IS received),
  content  TEXT NOT NULL CHECK(length(content) BETWEEN 1 AND 5000),
  status   TEXT NOT NULL CHECK(status IN ('open', 'disposed', 'closed'))
);
CREATE INDEX warning_cycle ON warning(cycle, status);
CREATE INDEX warning_person ON warning(person);
CREATE INDEX warning_risk ON warning(risk);

CREATE TABLE disposition(                                                -- 处置
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  warning TEXT NOT NULL REFERENCES warning(gid) DEFERRABLE INITIALLY DEFERRED,
  done    TEXT NOT NULL CHECK(date(julianday(done)) IS done),
  kind    TEXT NOT NULL CHECK(length(kind) BETWEEN 1 AND 50),           -- 提醒, 诫勉谈话, 责令纠错, 组织处理 …
  by_name TEXT CHECK(by_name IS NULL OR length(by_name) <= 50),
  content TEXT CHECK(content IS NULL OR length(content) <= 5000)
);
CREATE INDEX disposition_warning ON disposition(warning);

-- ============================================================ phase 4: inspect

CREATE TABLE inspection(                                                 -- 检查考核
  id          INTEGER PRIMARY KEY,          -- local row number; never travels
  gid         TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner       TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid         TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle       TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  target_unit TEXT NOT NULL CHECK(length(target_unit) BETWEEN 2 AND 32 AND target_unit NOT GLOB '*[^0-9A-Za-z-]*'),
  dept        TEXT REFERENCES dept(gid) DEFERRABLE INITIALLY DEFERRED,
  held        TEXT NOT NULL CHECK(date(julianday(held)) IS held),
  methods     TEXT CHECK(methods IS NULL OR length(methods) <= 500),
  team        TEXT CHECK(team IS NULL OR length(team) <= 500),
  summary     TEXT CHECK(summary IS NULL OR length(summary) <= 20000),
  score       INTEGER CHECK(score IS NULL OR score BETWEEN 0 AND 1000)
);
CREATE INDEX inspection_cycle ON inspection(cycle, target_unit);
CREATE INDEX inspection_dept ON inspection(dept);

CREATE TABLE finding(                                                    -- 检查发现（六个方面之一）
  id         INTEGER PRIMARY KEY,          -- local row number; never travels
  gid        TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner      TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid        TEXT NOT NULL,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  inspection TEXT NOT NULL REFERENCES inspection(gid) DEFERRABLE INITIALLY DEFERRED,
  question   INTEGER CHECK(question IS NULL OR question BETWEEN 0 AND 6),
  score      INTEGER CHECK(score IS NULL OR score BETWEEN 0 AND 100),
  content    TEXT NOT NULL CHECK(length(content) BETWEEN 1 AND 5000)
);
CREATE INDEX finding_inspection ON finding(inspection);

CREATE TABLE rectification(                                              -- 整改通知书
  id          INTEGER PRIMARY KEY,          -- local row number; never travels
  gid         TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner       TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid         TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  inspection  TEXT REFERENCES inspection(gid) DEFERRABLE INITIALLY DEFERRED,
  finding     TEXT REFERENCES finding(gid) DEFERRABLE INITIALLY DEFERRED,
  target_unit TEXT NOT NULL CHECK(length(target_unit) BETWEEN 2 AND 32 AND target_unit NOT GLOB '*[^0-9A-Za-z-]*'),
  dept        TEXT REFERENCES dept(gid) DEFERRABLE INITIALLY DEFERRED,
  person      TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  doc_no      TEXT CHECK(doc_no IS NULL OR length(doc_no) <= 100),
  issued      TEXT NOT NULL CHECK(date(julianday(issued)) IS issued),
  deadline    TEXT NOT NULL CHECK(date(julianday(deadline)) IS deadline),
  requirement TEXT NOT NULL CHECK(length(requirement) BETWEEN 1 AND 5000),
  status      TEXT NOT NULL CHECK(status IN ('issued', 'verified')),
  verified    TEXT CHECK(verified IS NULL OR date(julianday(verified)) IS verified),
  verify_note TEXT CHECK(verify_note IS NULL OR length(verify_note) <= 2000)
);
CREATE INDEX rectification_target ON rectification(target_unit, deadline);
CREATE INDEX rectification_inspection ON rectification(inspection);
CREATE INDEX rectification_finding ON rectification(finding);
CREATE INDEX rectification_dept ON rectification(dept);
CREATE INDEX rectification_person ON rectification(person);

CREATE TABLE response(                                                   -- 整改情况报告 (by the unit told to rectify)
  id            INTEGER PRIMARY KEY,          -- local row number; never travels
  gid           TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner         TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid           TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  rectification TEXT NOT NULL REFERENCES rectification(gid) DEFERRABLE INITIALLY DEFERRED,
  answered      TEXT NOT NULL CHECK(date(julianday(answered)) IS answered),
  content       TEXT NOT NULL CHECK(length(content) BETWEEN 1 AND 5000)
);
CREATE INDEX response_rectification ON response(rectification);

CREATE TABLE accountability(                                             -- 问责 / 表彰
  id          INTEGER PRIMARY KEY,          -- local row number; never travels
  gid         TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner       TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid         TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle       TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  kind        TEXT NOT NULL CHECK(kind IN ('问责', '表彰')),
  target_unit TEXT NOT NULL CHECK(length(target_unit) BETWEEN 2 AND 32 AND target_unit NOT GLOB '*[^0-9A-Za-z-]*'),
  dept        TEXT REFERENCES dept(gid) DEFERRABLE INITIALLY DEFERRED,
  person      TEXT REFERENCES person(gid) DEFERRABLE INITIALLY DEFERRED,
  decided     TEXT NOT NULL CHECK(date(julianday(decided)) IS decided),
  reason      TEXT NOT NULL CHECK(length(reason) BETWEEN 1 AND 5000),
  decision    TEXT CHECK(decision IS NULL OR length(decision) <= 2000),
  doc_no      TEXT CHECK(doc_no IS NULL OR length(doc_no) <= 100)
);
CREATE INDEX accountability_cycle ON accountability(cycle);
CREATE INDEX accountability_dept ON accountability(dept);
CREATE INDEX accountability_person ON accountability(person);

CREATE TABLE summary(                                                    -- 年度总结
  id      INTEGER PRIMARY KEY,          -- local row number; never travels
  gid     TEXT NOT NULL UNIQUE CHECK(length(gid) = 32 AND gid NOT GLOB '*[^0-9a-f]*'),
  owner   TEXT NOT NULL CHECK(length(owner) BETWEEN 2 AND 32 AND owner NOT GLOB '*[^0-9A-Za-z-]*'),
  rid     TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),
  cycle   TEXT NOT NULL REFERENCES cycle(gid) DEFERRABLE INITIALLY DEFERRED,
  title   TEXT NOT NULL CHECK(length(title) BETWEEN 1 AND 200),
  written TEXT CHECK(written IS NULL OR date(julianday(written)) IS written),
  body    TEXT CHECK(body IS NULL OR length(body) <= 200000)
);
CREATE INDEX summary_cycle ON summary(cycle);

-- ============================================================ full-text search
-- Chinese has no spaces: the trigram tokenizer finds any run of 3+ characters;
-- shorter queries use LIKE on the tables. External-content indexes over live
-- (not deleted) rows, kept in step by triggers.

CREATE VIRTUAL TABLE risk_fts USING fts5(description, content = 'risk', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER risk_fts_ins AFTER INSERT ON risk WHEN new.deleted = 0 BEGIN
  INSERT INTO risk_fts(rowid, description) VALUES(new.id, new.description);
END;
CREATE TRIGGER risk_fts_upd AFTER UPDATE ON risk BEGIN
  INSERT INTO risk_fts(risk_fts, rowid, description) SELECT 'delete', old.id, old.description WHERE old.deleted = 0;
  INSERT INTO risk_fts(rowid, description) SELECT new.id, new.description WHERE new.deleted = 0;
END;

CREATE VIRTUAL TABLE post_fts USING fts5(duties, content = 'post', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER post_fts_ins AFTER INSERT ON post WHEN new.deleted = 0 BEGIN
  INSERT INTO post_fts(rowid, duties) VALUES(new.id, coalesce(new.duties, ''));
END;
CREATE TRIGGER post_fts_upd AFTER UPDATE ON post BEGIN
  INSERT INTO post_fts(post_fts, rowid, duties) SELECT 'delete', old.id, coalesce(old.duties, '') WHERE old.deleted = 0;
  INSERT INTO post_fts(rowid, duties) SELECT new.id, coalesce(new.duties, '') WHERE new.deleted = 0;
END;

CREATE VIRTUAL TABLE measure_fts USING fts5(content, content = 'measure', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER measure_fts_ins AFTER INSERT ON measure WHEN new.deleted = 0 BEGIN
  INSERT INTO measure_fts(rowid, content) VALUES(new.id, new.content);
END;
CREATE TRIGGER measure_fts_upd AFTER UPDATE ON measure BEGIN
  INSERT INTO measure_fts(measure_fts, rowid, content) SELECT 'delete', old.id, old.content WHERE old.deleted = 0;
  INSERT INTO measure_fts(rowid, content) SELECT new.id, new.content WHERE new.deleted = 0;
END;
