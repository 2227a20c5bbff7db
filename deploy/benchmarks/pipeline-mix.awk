# The scheduler benchmark's event mix for deploy/benchmarks/pipeline.sh, as lines for Kafka's ConsoleProducer
# (headers separated by semicolons, then key and value, separated by tabs): for each of n contacts a contact.created (interactions=0), or an inbound
# email awaiting a reply, the reply, a call (one in ten negative) and an inbound message awaiting a reply
# (interactions=1). Event ids and owners start with the run's name, so that the scheduler's work can be counted.
#   awk -v n=10000 -v run=pipe-123 [-v interactions=1] -f pipeline-mix.awk
function header(id, type, subject) {
    return "ce_specversion=1.0;ce_id=" id ";ce_type=" type ";ce_source=/rapport/benchmark;ce_subject=" subject \
        ";ce_time=" now ";content-type=application/json"
}
# Ids that look random, as real ones do: an id whose bits follow a pattern (the row number in the last digits) gives
# UUID.hashCode() collisions that cost Hibernate's persistence context, and the scheduler's lock keys, dearly. The
# last twelve digits (salt and row) keep them unique. Plain awk: no xor, so bits are mixed by multiplying.
function mix(x) { x = (x * 69069 + 12345) % 4294967296; x = (x * 69069 + int(x / 65536)) % 4294967296; return (x * 69069 + int(x / 4096)) % 4294967296 }
function uuid(i, salt,    h) {
    h = mix(run_hash + salt * 1000003 + i * 7919)
    return sprintf("%08x-%04x-4%03x-8%03x-%04x%08x", h, mix(h + 1) % 65536, mix(h + 2) % 4096, mix(h + 3) % 4096, salt, i)
}
function interaction(i, round, type, direction, minutes, requires, reply, sentiment,    id, json) {
    id = uuid(i, 16 + round)
    json = sprintf("{\"id\": \"%s\", \"version\": 0, \"contactId\": \"%s\", \"owner\": \"%s-rep-%d\", \"type\": \"%s\", \"direction\": \"%s\", \"occurredAt\": \"%s\", \"requiresResponse\": %s, \"inReplyTo\": %s, \"sentiment\": %s, \"createdAt\": \"%s\", \"updatedAt\": \"%s\"}",
        id, uuid(i, 1), run, i % 50, type, direction, at(minutes), requires, reply, sentiment, at(minutes), at(minutes))
    printf "%s\t%s\t%s\n", header(run "-" round "-" i, "rapport.interaction.logged.v1", id), uuid(i, 1), json
}
function at(minutes) { return strftime("%Y-%m-%dT%H:%M:%SZ", start + minutes * 60, 1) }
BEGIN {
    run_hash = 0
    for (c = 1; c <= length(run); c++) run_hash = (run_hash * 31 + index("0123456789abcdefghijklmnopqrstuvwxyz-", substr(run, c, 1))) % 4294967296
    now = strftime("%Y-%m-%dT%H:%M:%SZ", systime(), 1)
    start = systime() - 2 * 3600
    split("PROSPECT ACTIVE_CUSTOMER AT_RISK", stages, " ")
    for (i = 1; i <= n; i++) {
        id = uuid(i, 1)
        if (!interactions) {
            created = strftime("%Y-%m-%dT%H:%M:%SZ", systime() - 40 * 86400, 1)
            json = sprintf("{\"id\": \"%s\", \"version\": 0, \"owner\": \"%s-rep-%d\", \"firstName\": \"First%d\", \"lastName\": \"Last%d\", \"displayName\": \"First%d Last%d\", \"primaryEmail\": \"contact-%d@example.com\", \"lifecycleStage\": \"%s\", \"preferredChannel\": \"EMAIL\", \"timezone\": \"Europe/London\", \"checkInCadenceDays\": 30, \"importantDates\": [{\"kind\": \"BIRTHDAY\", \"month\": %d, \"day\": %d}], \"doNotContact\": false, \"marketingOptIn\": false, \"tags\": [\"benchmark\"], \"createdAt\": \"%s\", \"updatedAt\": \"%s\"}",
                id, run, i % 50, i, i, i, i, i, stages[i % 3 + 1], i % 12 + 1, i % 28 + 1, created, created)
            printf "%s\t%s\t%s\n", header(run "-0-" i, "rapport.contact.created.v1", id), id, json
        }
    }
    if (interactions) {
        for (i = 1; i <= n; i++) interaction(i, 1, "EMAIL", "INBOUND", 0, "true", "null", "null")
        for (i = 1; i <= n; i++) interaction(i, 2, "EMAIL", "OUTBOUND", 30, "false", "\"" uuid(i, 17) "\"", "null")
        for (i = 1; i <= n; i++) interaction(i, 3, "CALL", "OUTBOUND", 60, "false", "null", i % 10 == 0 ? "\"NEGATIVE\"" : "\"POSITIVE\"")
        for (i = 1; i <= n; i++) interaction(i, 4, "MESSAGE", "INBOUND", 90, "true", "null", "null")
    }
}
