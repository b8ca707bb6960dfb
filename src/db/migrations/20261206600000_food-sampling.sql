-- 食品安全监督抽检 (issue 13, point 9): plans per station and period by food category and hazard, samples of a food
-- business's food with the lab's per-item results, the 不合格 consequences (检验结果通知书, 复检, 核查处置, case lead)
-- and the publication of results. Deadlines are stored when their clock starts (working days by the calendar).
CREATE TABLE food_sampling_plans (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  station_id      bigint NOT NULL REFERENCES org_units (id),
  name            text NOT NULL,
  food_category   text NOT NULL,
  hazards         text[] NOT NULL DEFAULT '{}',
  period_start    date NOT NULL,
  period_end      date NOT NULL CHECK (period_end >= period_start),
  target_batches  integer NOT NULL CHECK (target_batches > 0),
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX food_sampling_plans_station_idx ON food_sampling_plans (station_id, period_start DESC, id);

CREATE TABLE food_samples (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id              bigint REFERENCES food_sampling_plans (id) ON DELETE SET NULL,
  business_id          bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  station_id           bigint NOT NULL REFERENCES org_units (id),
  stage                text NOT NULL CHECK (stage IN ('production', 'circulation', 'catering')),
  food_category        text NOT NULL,
  food_name            text NOT NULL,
  batch_no             text NOT NULL DEFAULT '',
  producer_name        text NOT NULL DEFAULT '',
  producer_uscc        text,
  produced_on          date,
  quantity             text NOT NULL DEFAULT '',
  samplers             text[] NOT NULL DEFAULT '{}',
  sampled_on           date NOT NULL,
  lab_name             text NOT NULL,
  status               text NOT NULL DEFAULT 'sampled' CHECK (status IN
    ('sampled', 'delivered', 'tested', 'notified', 'retestRequested', 'retested', 'handled', 'closed')),
  delivery_due_on      date NOT NULL,
  delivered_on         date,
  result_due_on        date,
  tested_on            date,
  report_no            text,
  conclusion           text CHECK (conclusion IN ('pass', 'fail')),
  notice_no            text,
  notified_on          date,
  retest_due_on        date,
  retest_requested_on  date,
  retest_lab           text,
  retest_conclusion    text CHECK (retest_conclusion IN ('pass', 'fail')),
  disposal_due_on      date,
  disposal_note        text,
  handled_on           date,
  case_lead_ref        text,
  published_on         date,
  created_by           bigint REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  CHECK (produced_on IS NULL OR produced_on <= sampled_on)
);
CREATE INDEX food_samples_station_idx ON food_samples (station_id, id DESC);
CREATE INDEX food_samples_business_idx ON food_samples (business_id, id);
CREATE INDEX food_samples_plan_idx ON food_samples (plan_id) WHERE plan_id IS NOT NULL;
CREATE INDEX food_samples_month_idx ON food_samples (sampled_on, food_category) WHERE conclusion IS NOT NULL;
CREATE INDEX food_samples_delivery_idx ON food_samples (delivery_due_on, id) WHERE status = 'sampled';
CREATE INDEX food_samples_result_idx ON food_samples (result_due_on, id) WHERE status = 'delivered';
CREATE INDEX food_samples_disposal_idx ON food_samples (disposal_due_on, id)
  WHERE status IN ('notified', 'retestRequested', 'retested');
CREATE INDEX food_samples_published_idx ON food_samples (published_on DESC, id DESC) WHERE published_on IS NOT NULL;

-- One row per 检验项目: the measured value, the limit and the standard cited (GB …); retest rows are marked.
CREATE TABLE food_sample_items (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sample_id   bigint NOT NULL REFERENCES food_samples (id) ON DELETE CASCADE,
  retest      boolean NOT NULL DEFAULT false,
  item_name   text NOT NULL,
  hazard      text NOT NULL,
  value       text NOT NULL,
  limit_text  text NOT NULL DEFAULT '',
  standard    text NOT NULL,
  conclusion  text NOT NULL CHECK (conclusion IN ('pass', 'fail'))
);
CREATE INDEX food_sample_items_sample_idx ON food_sample_items (sample_id, retest, id);

-- The sample's workflow trail (each transition also writes an audit row).
CREATE TABLE food_sample_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sample_id    bigint NOT NULL REFERENCES food_samples (id) ON DELETE CASCADE,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  note         text,
  actor_id     bigint REFERENCES users (id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX food_sample_events_sample_idx ON food_sample_events (sample_id, id);
