-- food_grades.inspection_id references food_inspections without an index: deleting a planned inspection (the plan's
-- regeneration drops surplus planned rows; Art. 42 skips some) then checked the foreign key by scanning every grade
-- (measured: 100 k planned rows not deleted after 5 minutes with 650 k grades). Planned rows have no grade; the index
-- makes each check one probe.
CREATE INDEX food_grades_inspection_idx ON food_grades (inspection_id) WHERE inspection_id IS NOT NULL;
