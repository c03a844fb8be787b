-- The approval floor (issue 20): one committee member's approval in a sequential step — the row changes the application
-- makes, written by hand — and the dispatch of the hand-over it leaves in the outbox. Run by ApprovalFloor.cs with
-- pgbench -M prepared on the application's own schema (a colon inside a string literal would be taken for a variable,
-- so there is none) and rows (nominations submitted through the use cases);
-- :tasks is the number of open tasks in floor_tasks.
--
-- Where each statement comes from: pg_stat_statements of the in-process approval scenario (about 13 statements and
-- 2.2 transactions per approval, inbox reads included), in the order the use case sends them. Per approval the app made,
-- besides the inbox read: 1 preload query, 1.13 task updates, 0.87 task inserts, 0.87 instance-state updates (0.25 more
-- with the step, when the last member approves, plus the nomination's step — left out here), 1.38 audit inserts, 1.13
-- audit-head updates, 3.38 outbox inserts (deadline cancelled + deadline scheduled + hand-over). With deadlines as data
-- the two deadline messages become the new task's reminder rows written here, in the approval's own transaction:
-- this is "floor C" of the issue. The outbox keeps what must leave the database: the hand-over (notification, mail).

\set n random(1, :tasks)
\set step random(1, 1000000000)

BEGIN;

-- 1. The use case's preload (TaskPreload): the task with its nomination, instance (the ~2.4 kB state the engine reads),
--    collective and audit stream head, in one query. floor_tasks only turns the random number into the task's id.
SELECT w.id AS task_id, w.instance_id, w.nomination_id, w.assignee_user_id, w.round, w.sequence, w.step_key, w.task_key,
       i.state::text AS state, a.name AS stream
FROM floor_tasks f
JOIN workflow_tasks w ON w.id = f.task_id
JOIN nominations n ON n.id = w.nomination_id
JOIN workflow_instances i ON i.id = w.instance_id
LEFT JOIN collectives c ON c.id = n.collective_id
LEFT JOIN audit_streams a ON a.name = 'nomination:' || n.id::text
WHERE f.n = :n \gset

-- 2. The member's task closes (the app's optimistic update: the row version checked by xmin).
UPDATE workflow_tasks SET closed_at = now(), closed_by = :assignee_user_id::uuid, outcome = 'approve', status = 'Closed'
WHERE id = :task_id::uuid;

-- 3. The next member's task opens (a new row; every partial index of the open-task list takes it).
INSERT INTO workflow_tasks (id, instance_id, nomination_id, task_key, step_key, round, assignee_user_id, assignee_role, assignee_unit_id,
                            sequence, opened_at, due_at, reminder_times, escalate_at, status, outcome, closed_by, closed_at, claimed_at,
                            claimed_by, campaign_id, nominee_name)
SELECT gen_random_uuid(), instance_id, nomination_id, step_key || '/r' || round || '/f' || :step::text, step_key, round, assignee_user_id, NULL, NULL,
       sequence + 1, now(), now() + interval '14 days', ARRAY[now() + interval '10 days', now() + interval '13 days'], NULL, 'Open', NULL, NULL,
       NULL, NULL, NULL, campaign_id, nominee_name
FROM workflow_tasks WHERE id = :task_id::uuid;

-- 4. The instance's state, written back whole as the engine serialises it (jsonb parsed and compressed again).
UPDATE workflow_instances SET state = :state::jsonb WHERE id = :instance_id::uuid;

-- 5. The stream's head moves (the app's optimistic update; here the row lock orders two clients that picked the same
--    nomination, where the app would refuse one of them), and 6. the audit entry chained to it by its hash (the app
--    hashes in C#; SHA-256 here costs the same order).
WITH head AS (SELECT name, last_hash FROM audit_streams WHERE name = :stream::text FOR UPDATE)
UPDATE audit_streams s SET last_sequence = s.last_sequence + 1,
       last_hash = encode(sha256(convert_to(s.last_hash || s.name || (s.last_sequence + 1)::text || 'task.approve', 'UTF8')), 'hex')
FROM head WHERE s.name = head.name
RETURNING s.last_sequence AS sequence, s.last_hash AS hash, head.last_hash AS previous_hash \gset

INSERT INTO audit_entries (stream, sequence, at, actor_id, actor_name, ip_address, action, step_key, comment, data, previous_hash, hash)
VALUES (:stream::text, :sequence::bigint, now(), :assignee_user_id::uuid, 'Thành viên Ban Chỉ đạo', '127.0.0.1', 'task.approve', :step_key::text, NULL,
        json_build_object('task', :task_key::text, 'round', :round::int, 'outputs', NULL)::text, :previous_hash::text, :hash::text);

-- 7. Deadlines as data: the new task's reminders (two, as the shipped routes give a member's task) as rows in this
--    transaction; its due time is the task row's own due_at. No per-task Quartz job, no deadline messages.
INSERT INTO task_reminders (instance_id, task_key, remind_at, nomination_id, due_at)
SELECT :instance_id::uuid, step_key || '/r' || round || '/f' || :step::text, r, nomination_id, now() + interval '14 days'
FROM workflow_tasks, unnest(ARRAY[now() + interval '10 days', now() + interval '13 days']) AS r WHERE id = :task_id::uuid;

-- 8. The hand-over for the notifications (about 1.5 kB of JSON, as the app writes it).
INSERT INTO outbox_messages (kind, payload, created_at, processed_at, attempts, last_error, next_attempt_at)
VALUES ('notification.handover', jsonb_build_object('instanceId', :instance_id::text, 'nominationId', :nomination_id::text, 'taskKey', :task_key::text,
        'pad', repeat('x', 1300)), now(), NULL, 0, NULL, NULL);

END;

-- The dispatcher's share of this approval, in its own transaction as the dispatcher runs: take the oldest pending
-- message (SKIP LOCKED, as several nodes do), write the next member's "your turn" notification, mark the message done.
BEGIN;
-- (none left when other clients took them all: then 0, and the two statements below change nothing but the notification)
WITH m AS (SELECT id FROM outbox_messages WHERE processed_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
SELECT coalesce(max(id), 0) AS message_id FROM m \gset
INSERT INTO notifications (id, recipient_user_id, kind, title, body, link, nomination_id, dedupe_key, created_at, read_at, email_to,
                           email_sent_at, email_attempts, email_last_error)
VALUES (gen_random_uuid(), :assignee_user_id::uuid, 'task-assigned', 'Đến lượt bạn xử lý hồ sơ đề nghị khen thưởng',
        repeat('Hồ sơ đang chờ bạn cho ý kiến. ', 5), '/de-nghi/' || :nomination_id::text, :nomination_id::uuid,
        'handover:' || :message_id::text || ':' || :step::text, now(), NULL, NULL, NULL, 0, NULL);
UPDATE outbox_messages SET processed_at = now(), attempts = attempts + 1 WHERE id = :message_id::bigint;
END;
