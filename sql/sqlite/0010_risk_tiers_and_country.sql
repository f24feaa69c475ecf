-- The middle risk tier is now called Review (a human should look, no crisis text), not Low: the name says what to do.
UPDATE diary_entries SET risk_level = 'Review' WHERE risk_level = 'Low';
UPDATE alerts SET severity = 'Review' WHERE severity = 'Low';

-- The country an organisation works in: how staff-typed national numbers are read and whose crisis numbers apply.
ALTER TABLE organisations ADD COLUMN country_code TEXT NOT NULL DEFAULT 'GB';
