-- 简易程序: a decision made on the spot is filed (备案) with the officers' unit within the configured working
-- days (case settings summaryFilingDays); the due day is kept on the case so overdue filings can be listed.
ALTER TABLE cases ADD COLUMN summary_filing_due_on date;
ALTER TABLE cases ADD COLUMN summary_filed_on date;
CREATE INDEX cases_summary_filing_idx ON cases (summary_filing_due_on)
  WHERE procedure = 'summary' AND summary_filed_on IS NULL;
