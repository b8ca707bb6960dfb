-- the days the decision clock was extended by (30 for the approved extension, plus what each
-- recorded collective decision added), and the party-name search of the case list (character bigrams, as
-- entities.name_bigrams, computed by the database so every writer of cases gets it for free).
ALTER TABLE cases ADD COLUMN decision_extra_days integer NOT NULL DEFAULT 0 CHECK (decision_extra_days >= 0);

CREATE FUNCTION case_name_bigrams(s text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT g)), ''::tsvector)
    FROM (SELECT substr(n, i, 2) AS g
            FROM (SELECT regexp_replace(lower(coalesce(s, '')), '[[:space:][:punct:]（）【】《》，。、：；“”‘’·]+', '', 'g') AS n) t,
                 generate_series(1, greatest(length(n) - 1, 0)) AS i) x
   WHERE length(g) = 2
$$;
ALTER TABLE cases ADD COLUMN party_bigrams tsvector GENERATED ALWAYS AS (case_name_bigrams(party_name)) STORED;
CREATE INDEX cases_party_bigrams_idx ON cases USING gin (party_bigrams);
CREATE INDEX cases_party_uscc_idx ON cases (party_uscc) WHERE party_uscc IS NOT NULL;
-- The overdue filter of the list: open cases by their stored due date, newest first within a date.
CREATE INDEX cases_open_status_due_idx ON cases (status, decision_due_on) WHERE decided_on IS NULL;
