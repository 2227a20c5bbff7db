package io.rapport.scheduler.benchmark;

import java.time.Duration;
import java.time.Instant;

/**
 * A large projection written straight to the tables with set-based SQL (an entity at a time would take hours): the
 * contacts, each with its check-in (one in {@value #SNOOZED_EVERY} snoozed until an hour or two from now), and tasks
 * that escalate (RESPOND, COMMITMENT_DUE): one per {@value #ESCALATING_DUE_EVERY} contacts within the next two
 * hours, one per {@value #ESCALATING_LATER_EVERY} in the following weeks. The rows carry what {@code TaskService}
 * would have set, {@code sweep_at} included. One contact in {@value #CONTACT_SWEEPS_DUE_EVERY} has a birthday coming
 * up and its contact sweep and health recheck due within the next two hours; the others' are weeks away. Their
 * owners start with {@value #OWNER_PREFIX}, which is how they are deleted.
 */
final class ProjectedContacts {

    static final String OWNER_PREFIX = "bench-rep-";
    static final int SNOOZED_EVERY = 20;
    static final int ESCALATING_DUE_EVERY = 20;
    static final int ESCALATING_LATER_EVERY = 10;
    static final int CONTACT_SWEEPS_DUE_EVERY = 20;
    /** From the load on, every snooze and escalation made due ends within this, and nothing else falls due. */
    static final Duration DUE_WITHIN = Duration.ofHours(2);

    private static final int REPS = 200;

    private final Sql sql;
    private final int contacts;
    private final Instant now;

    ProjectedContacts(Sql sql, int contacts, Instant now) {
        this.sql = sql;
        this.contacts = contacts;
        this.now = now;
    }

    /** Contacts whose time-based rules, and whose health, are due for a look within {@link #DUE_WITHIN}. */
    int contactsDue() {
        return contacts / CONTACT_SWEEPS_DUE_EVERY;
    }

    int snoozesDue() {
        return contacts / SNOOZED_EVERY;
    }

    int escalationsDue() {
        return contacts / ESCALATING_DUE_EVERY;
    }

    int escalationsLater() {
        return contacts / ESCALATING_LATER_EVERY;
    }

    /** The tasks a sweep after {@link #DUE_WITHIN} must change. */
    int due() {
        return snoozesDue() + escalationsDue();
    }

    /** @return the task rows written */
    long load() {
        sql.update("""
                insert into contact_projection (contact_id, snapshot_version, owner, display_name,
                        check_in_cadence_days, timezone, contact_created_at, lifecycle_stage, preferred_channel,
                        marketing_opt_in, important_dates, sweep_at, updated_at)
                select md5('bench-contact:' || i)::uuid, 0, ? || i % ?, 'First' || i || ' Last' || i, 30,
                       'Europe/London', loaded_at - (i % 365) * interval '1 day',
                       (array['PROSPECT', 'ACTIVE_CUSTOMER', 'AT_RISK'])[i % 3 + 1], 'EMAIL', i % 2 = 0,
                       jsonb_build_array(jsonb_build_object('kind', 'BIRTHDAY',
                               'month', case when due then extract(month from birthday_soon) else i % 12 + 1 end,
                               'day', case when due then extract(day from birthday_soon) else i % 28 + 1 end)),
                       case when due then loaded_at + interval '1 hour' + (i % 3600) * interval '1 second'
                            else loaded_at + (i % 300 + 1) * interval '1 day' end,
                       loaded_at
                  from (select ?::timestamptz as loaded_at) as settings, generate_series(1, ?) as i,
                       lateral (select i % ? = 0 as due,
                                       -- three days after the sweep, in the contact's zone: its task appears then
                                       (loaded_at + interval '3 days 2 hours') at time zone 'Europe/London'
                                           as birthday_soon) as t""",
                OWNER_PREFIX, REPS, now, contacts, CONTACT_SWEEPS_DUE_EVERY);
        sql.update("""
                insert into relationship_health (contact_id, owner, score, band, components, computed_at, recheck_at)
                select md5('bench-contact:' || i)::uuid, ? || i % ?, 80, 'HEALTHY', '[]'::jsonb, loaded_at,
                       case when i % ? = 0 then loaded_at + interval '1 hour' + (i % 3600) * interval '1 second'
                            else loaded_at + (i % 300 + 1) * interval '1 day' end
                  from (select ?::timestamptz as loaded_at) as settings, generate_series(1, ?) as i""",
                OWNER_PREFIX, REPS, CONTACT_SWEEPS_DUE_EVERY, now, contacts);
        long checkIns = sql.update("""
                insert into task (id, version, contact_id, owner, kind, subject, time_window, status, priority,
                        due_at, reason, rule, source_event_ids, snoozed_until, sweep_at, created_at, updated_at)
                select md5('bench-check-in:' || i)::uuid, 0, md5('bench-contact:' || i)::uuid, ? || i % ?,
                       'CHECK_IN', 'check-in', to_char(since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       case when snoozed then 'SNOOZED' else 'OPEN' end, 'NORMAL', since + interval '30 days',
                       'No touch-point since the contact was added on '
                           || to_char(since at time zone 'UTC', 'YYYY-MM-DD') || '; check-in cadence 30 days',
                       'check-in-cadence', array[md5('bench-event:' || i)::uuid::text],
                       case when snoozed then snooze_end end, case when snoozed then snooze_end end, loaded_at, loaded_at
                  from (select ?::timestamptz as loaded_at) as settings, generate_series(1, ?) as i,
                       lateral (select loaded_at - (i % 365) * interval '1 day' as since,
                                       i % ? = 0 as snoozed,
                                       loaded_at + interval '1 hour' + (i % 3600) * interval '1 second' as snooze_end) as t
                """, OWNER_PREFIX, REPS, now, contacts, SNOOZED_EVERY);
        long escalating = sql.update("""
                insert into task (id, version, contact_id, owner, kind, subject, time_window, status, priority,
                        due_at, reason, rule, source_event_ids, escalate_at, sweep_at, created_at, updated_at)
                select md5('bench-escalating:' || j)::uuid, 0, md5('bench-contact:' || c)::uuid, ? || c % ?,
                       case when respond then 'RESPOND' else 'COMMITMENT_DUE' end,
                       case when respond then 'interaction:' else 'commitment:' end
                           || md5('bench-subject:' || j)::uuid,
                       '', 'OPEN', case when respond then 'HIGH' else 'NORMAL' end,
                       case when respond then escalate_at else escalate_at - interval '48 hours' end,
                       case when respond
                            then 'Inbound email on ' || to_char(escalate_at - interval '24 hours', 'YYYY-MM-DD')
                                 || ' awaits a reply; response SLA 24 h'
                            else 'A promise to the contact is due on ' || to_char(escalate_at, 'YYYY-MM-DD')
                       end,
                       case when respond then 'respond-within-sla' else 'follow-through' end,
                       array[md5('bench-event:' || j)::uuid::text], escalate_at, escalate_at, loaded_at, loaded_at
                  from (select ?::timestamptz as loaded_at) as settings, generate_series(1, ?) as j,
                       lateral (select (j::bigint * 7919) % ? + 1 as c,
                                       j % 2 = 0 as respond,
                                       case when j <= ?
                                            then loaded_at + interval '1 hour' + (j % 3600) * interval '1 second'
                                            else loaded_at + interval '1 day' + (j % 30) * interval '1 day'
                                       end as escalate_at) as t
                """, OWNER_PREFIX, REPS, now, escalationsDue() + escalationsLater(), contacts, escalationsDue());
        sql.update("analyze contact_projection");
        sql.update("analyze relationship_health");
        sql.update("analyze task");
        return checkIns + escalating;
    }

    /** @return how many of the loaded tasks a sweep changed */
    long swept() {
        return sql.count("select count(*) from task where owner like ? and updated_at > ?", OWNER_PREFIX + "%", now);
    }

    long stillDue(Instant at) {
        return sql.count("select count(*) from task where owner like ? and sweep_at <= ?", OWNER_PREFIX + "%", at);
    }

    long contactsStillDue(Instant at) {
        return sql.count("select count(*) from contact_projection where owner like ? and sweep_at <= ?",
                OWNER_PREFIX + "%", at);
    }

    long healthStillDue(Instant at) {
        return sql.count("select count(*) from relationship_health where owner like ? and recheck_at <= ?",
                OWNER_PREFIX + "%", at);
    }

    long appreciationTasks() {
        return sql.count("select count(*) from task where owner like ? and kind = 'APPRECIATION'", OWNER_PREFIX + "%");
    }

    void delete() {
        sql.update("delete from relationship_health where owner like ?", OWNER_PREFIX + "%");
        sql.update("delete from task where owner like ?", OWNER_PREFIX + "%");
        sql.update("delete from contact_projection where owner like ?", OWNER_PREFIX + "%");
    }
}
