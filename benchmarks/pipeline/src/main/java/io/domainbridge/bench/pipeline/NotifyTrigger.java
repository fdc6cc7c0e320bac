package io.domainbridge.bench.pipeline;

/** DDL of a row trigger that queues a {@code NOTIFY} for every inserted row, delivered when the insert commits. */
final class NotifyTrigger {

    private NotifyTrigger() {}

    /** A trigger function notifying {@code channel} with the payload expression (over {@code new}). */
    static String function(String name, String channel, String payload) {
        return "create or replace function " + name + "() returns trigger language plpgsql as $$ begin"
                + " perform pg_notify('" + channel + "', " + payload + "); return null; end $$";
    }

    /** The trigger calling the function of the same name after each row inserted into the table. */
    static String create(String name, String table) {
        return "create trigger " + name + " after insert on " + table + " for each row execute function " + name + "()";
    }
}
