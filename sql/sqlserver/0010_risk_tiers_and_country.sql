-- The middle risk tier is now called Review (a human should look, no crisis text), not Low: the name says what to do.
UPDATE diary_entries SET risk_level = N'Review' WHERE risk_level = N'Low';
UPDATE alerts SET severity = N'Review' WHERE severity = N'Low';

-- The country an organisation works in: how staff-typed national numbers are read and whose crisis numbers apply.
ALTER TABLE organisations ADD country_code nvarchar(max) NOT NULL CONSTRAINT df_organisations_country_code DEFAULT N'GB';
