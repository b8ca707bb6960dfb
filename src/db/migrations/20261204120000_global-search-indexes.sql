-- Global search (the header box): what it looks up exactly has an index.
-- Entities by their legal representative's name (张三 → the entities they represent).
CREATE INDEX entities_legal_rep_name_idx ON entities (legal_rep_name) WHERE legal_rep_name IS NOT NULL;
-- Cases by the tail of their 立案号 / 决定书文号 (〔2026〕12号): a prefix match on the reversed number.
CREATE INDEX cases_case_no_reverse_idx ON cases (reverse(case_no) text_pattern_ops) WHERE case_no IS NOT NULL;
CREATE INDEX cases_decision_no_reverse_idx ON cases (reverse(decision_no) text_pattern_ops) WHERE decision_no IS NOT NULL;
-- Cases by the party's USCC.
CREATE INDEX IF NOT EXISTS cases_party_uscc_idx ON cases (party_uscc) WHERE party_uscc IS NOT NULL;
