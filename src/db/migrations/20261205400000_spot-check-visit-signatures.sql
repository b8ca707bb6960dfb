-- 检查记录表 signatures captured on the inspector's phone: the entity's representative (one per visit, with the
-- name they sign under) and each of the visit's drawn inspectors. The PNG lives in stored_files (purpose
-- 'inspection-signature', served through the visit only). Entering or changing a result deletes the visit's
-- signatures: they signed a different record.
CREATE TABLE spot_check_visit_signatures (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visit_id      bigint NOT NULL REFERENCES spot_check_visits (id) ON DELETE CASCADE,
  signer_kind   text NOT NULL CHECK (signer_kind IN ('entity', 'inspector')),
  inspector_id  bigint REFERENCES spot_check_inspectors (id),
  signer_name   text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 50),
  file_id       bigint NOT NULL REFERENCES stored_files (id),
  signed_by     bigint REFERENCES users (id),
  signed_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((signer_kind = 'inspector') = (inspector_id IS NOT NULL))
);
-- One signature per signer of a visit (the entity is signer 0).
CREATE UNIQUE INDEX spot_check_visit_signatures_signer_idx
  ON spot_check_visit_signatures (visit_id, coalesce(inspector_id, 0));
