-- Buddy schema, version 2 (SQLite): check-in scheduling.
-- Forward-only: never edit once released; add a new numbered script.
-- Quartz runs on its in-memory store on SQLite (one instance), so it has no tables here; see the PostgreSQL script.

-- When the one reminder for a check-in falls due; null when there is none (not configured, or it would land in
-- quiet hours). Written when the check-in is sent so the reminder job only asks "what is due now?".
ALTER TABLE check_ins ADD COLUMN reminder_due_at_utc TEXT NULL;
CREATE INDEX ix_check_ins_status_reminder_due_at_utc ON check_ins (status, reminder_due_at_utc);
