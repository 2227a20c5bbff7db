-- pgbench script: what the scheduler writes to PostgreSQL for :n contacts of pipeline.sh's mix (five events each),
-- as plain set-based SQL in one transaction, with nothing read and no application in between. Run on an empty copy
-- of the scheduler's tables (their indexes and constraints included), it is the rate PostgreSQL alone could apply the
-- mix at on this machine: a ceiling for the scheduler's ingest (the real tables are larger, with more of their pages
-- outside PostgreSQL's cache). The rows are those the scheduler writes, as section 2 prints them per event (counted
-- on 2026-12-02): task 1.0-1.1 inserts and 0.6 updates, outbox_event 1.6-1.7 inserts and as many deletes,
-- processed_event 1.0, interaction_projection 0.8, contact_projection and relationship_health 0.2 inserts and 0.4
-- updates each. Per contact (five events) this writes 5 tasks and closes 3, 8 outbox rows, 5 inbox ids,
-- 4 interactions, 1 contact and 1 health row updated twice each.
-- Ids are derived from a random base, so that each statement finds the rows the ones before it wrote.
\set base random(1, 4000000000000)
BEGIN;
insert into processed_event (consumer, event_id, processed_at)
    select 'pipeline-bench', md5('event-' || :base || '-' || i), now() from generate_series(1, 5 * :n) i;
insert into contact_projection (contact_id, snapshot_version, owner, display_name, check_in_cadence_days, timezone,
        contact_created_at, updated_at, lifecycle_stage)
    select md5('contact-' || :base || '-' || i)::uuid, 1, 'rep-' || i % 50, 'Ada Lovelace', 21, 'Europe/London',
        now(), now(), 'PROSPECT'
    from generate_series(1, :n) i;
insert into interaction_projection (id, version, contact_id, type, direction, occurred_at, requires_response,
        sentiment)
    select md5('interaction-' || :base || '-' || i || '-' || j)::uuid, 1, md5('contact-' || :base || '-' || i)::uuid,
        'EMAIL', case when j % 2 = 0 then 'OUTBOUND' else 'INBOUND' end, now(), j % 2 = 1, 'NEUTRAL'
    from generate_series(1, :n) i, generate_series(1, 4) j;
insert into task (id, version, contact_id, owner, kind, subject, status, priority, due_at, reason, rule,
        source_event_ids, created_at, updated_at, sweep_at)
    select md5('task-' || :base || '-' || i || '-' || j)::uuid, 0, md5('contact-' || :base || '-' || i)::uuid,
        'rep-' || i % 50, case when j % 2 = 0 then 'RESPOND' else 'CHECK_IN' end, 'interaction:' || j, 'OPEN',
        'NORMAL', now() + interval '1 day', 'Ada Lovelace wrote on Monday and is waiting for an answer', 'respond',
        array[md5('event-' || :base || '-' || i)], now(), now(), now() + interval '1 day'
    from generate_series(1, :n) i, generate_series(1, 5) j;
insert into relationship_health (contact_id, owner, score, band, components, computed_at, recheck_at)
    select md5('contact-' || :base || '-' || i)::uuid, 'rep-' || i % 50, 100, 'HEALTHY',
        '[{"facts": {"daysSince": 0, "cadenceDays": 21, "contactCreatedAt": "2026-12-02T10:49:31.511Z"}, "score": 100, "factor": "RECENCY", "weight": 30, "explanation": "no touch-point since the contact was added today; cadence 21 days", "effectiveWeight": 1.0}, {"facts": {}, "score": null, "factor": "SENTIMENT", "weight": 20, "explanation": "no interaction with a sentiment yet", "effectiveWeight": 0.0}, {"facts": {}, "score": null, "factor": "FEEDBACK", "weight": 20, "explanation": "no survey answered yet", "effectiveWeight": 0.0}, {"facts": {}, "score": null, "factor": "COMMITMENTS", "weight": 15, "explanation": "no commitment kept or due yet", "effectiveWeight": 0.0}, {"facts": {}, "score": null, "factor": "UNANSWERED", "weight": 15, "explanation": "no inbound message has asked for a reply", "effectiveWeight": 0.0}]',
        now(), now() + interval '21 days'
    from generate_series(1, :n) i;
insert into outbox_event (id, topic, event_key, type, subject, occurred_at, payload)
    select gen_random_uuid(), 'rapport.tasks.v1', md5('contact-' || :base || '-' || i), 'rapport.task.created.v1',
        md5('task-' || :base || '-' || i || '-' || j), now(),
        json_build_object('id', md5('task-' || :base || '-' || i || '-' || j)::uuid, 'version', 0,
            'contactId', md5('contact-' || :base || '-' || i)::uuid, 'owner', 'rep-' || i % 50, 'kind', 'RESPOND',
            'status', 'OPEN', 'priority', 'NORMAL', 'dueAt', now() + interval '1 day', 'rule', 'respond',
            'sourceEventIds', json_build_array(md5('event-' || :base || '-' || i)), 'createdAt', now(),
            'updatedAt', now())::jsonb
    from generate_series(1, :n) i, generate_series(1, 8) j;
update contact_projection set updated_at = now(), check_in_closed_at = now()
    where contact_id in (select md5('contact-' || :base || '-' || i)::uuid from generate_series(1, :n) i);
update contact_projection set updated_at = now(), sweep_at = now() + interval '21 days'
    where contact_id in (select md5('contact-' || :base || '-' || i)::uuid from generate_series(1, :n) i);
update task set status = 'DONE', version = 1, updated_at = now(), resolution = 'answered', sweep_at = null
    where id in (select md5('task-' || :base || '-' || i || '-' || j)::uuid
        from generate_series(1, :n) i, generate_series(1, 3) j);
update relationship_health set score = 85, computed_at = now()
    where contact_id in (select md5('contact-' || :base || '-' || i)::uuid from generate_series(1, :n) i);
update relationship_health set score = 70, computed_at = now()
    where contact_id in (select md5('contact-' || :base || '-' || i)::uuid from generate_series(1, :n) i);
COMMIT;
-- the relay's part: the oldest rows, once published, are deleted (by one relay at a time: each client its own rows)
delete from outbox_event where id in (select id from outbox_event order by seq limit 8 * :n for update skip locked);
