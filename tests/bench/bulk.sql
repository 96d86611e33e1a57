-- Bulk rows for the benchmark: :depts departments × :posts posts, one person
-- and one self-check per post, :risks risks per form, two measures per risk,
-- and three accounts with different reach.
-- Written straight into the kind tables with made-up revision ids (the
-- benchmark reads; it never checks or writes), in the sqlite3 shell where
-- foreign keys are off. The cycle row comes from `lianfang cycle add`.
BEGIN;
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000) INSERT INTO n SELECT i FROM c;
INSERT INTO dept(gid, owner, rid, name, seq)
  SELECT printf('%032x', i), '620902', printf('%064x', i), '处室' || i, i FROM n WHERE i <= :depts;
INSERT INTO post(gid, owner, rid, dept, name, duties, seq)
  SELECT printf('%08x%024x', 1, d.i * 1000 + p.i), '620902', printf('%064x', 1000000 + d.i * 1000 + p.i),
         printf('%032x', d.i), '岗位' || p.i,
         '负责行政审批窗口受理、核准登记、档案查询等工作，岗位编号' || (d.i * 1000 + p.i), p.i
  FROM n d, n p WHERE d.i <= :depts AND p.i <= :posts;
INSERT INTO person(gid, owner, rid, name, post)
  SELECT printf('%08x%024x', 2, id), '620902', printf('%064x', 2000000 + id), '人员' || id, gid FROM post;
INSERT INTO selfcheck(gid, owner, rid, cycle, post, person, duties, filled, status)
  SELECT printf('%08x%024x', 3, p.id), '620902', printf('%064x', 3000000 + p.id), (SELECT gid FROM cycle),
         p.gid, x.gid, p.duties, '2026-04-10', CASE p.id % 5 WHEN 0 THEN 'returned' WHEN 1 THEN 'accepted'
         WHEN 2 THEN 'submitted' ELSE 'draft' END
  FROM post p JOIN person x ON x.post = p.gid;
INSERT INTO risk(gid, owner, rid, cycle, selfcheck, post, person, seq, description, category, source,
                 probability, severity, level_proposed, level)
  SELECT printf('%08x%024x', 4, s.id * 100 + r.i), '620902', printf('%064x', 4000000 + s.id * 100 + r.i), s.cycle,
         s.gid, s.post, s.person, r.i,
         CASE r.i % 3 WHEN 0 THEN '收受供应商回扣、礼品礼金，编号' WHEN 1 THEN '对材料不全的申请违规受理，编号'
         ELSE '滥用自由裁量权，同案不同罚，编号' END || (s.id * 100 + r.i),
         '行政审批', '权力行使', 1 + (s.id + r.i) % 3, 1 + (s.id * 7 + r.i) % 3, 2, 2
  FROM selfcheck s, n r WHERE r.i <= :risks;
INSERT INTO measure(gid, owner, rid, risk, seq, content, status)
  SELECT printf('%08x%024x', 5, k.id * 10 + m.i), '620902', printf('%064x', 5000000 + k.id * 10 + m.i), k.gid, m.i,
         CASE m.i WHEN 1 THEN '公开办事指南和一次性告知清单' ELSE '科长每周抽查，纪检监察室每季度复查' END, 'planned'
  FROM risk k, n m WHERE m.i <= 2;
-- Accounts to read as: the discipline office (the whole unit), the head of
-- the last department, and a staff member on that department's first post.
INSERT INTO account(login, name, person, created) VALUES ('discipline', '纪检监察', NULL, '2026-01-01T00:00:00Z');
INSERT INTO account(login, name, person, created) VALUES ('head', '处长', NULL, '2026-01-01T00:00:00Z');
INSERT INTO account(login, name, person, created)
  SELECT 'staff', '科员', x.gid, '2026-01-01T00:00:00Z' FROM person x JOIN post p ON p.gid = x.post
  WHERE p.dept = printf('%032x', :depts) ORDER BY p.seq LIMIT 1;
INSERT INTO account_role(account, role, dept) SELECT id, 'discipline', NULL FROM account WHERE login = 'discipline';
INSERT INTO account_role(account, role, dept) SELECT id, 'head', printf('%032x', :depts) FROM account WHERE login = 'head';
INSERT INTO account_role(account, role, dept) SELECT id, 'staff', NULL FROM account WHERE login = 'staff';
COMMIT;
