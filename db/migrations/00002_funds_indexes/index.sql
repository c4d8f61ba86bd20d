-- Indexes of the funds engine at scale (100 000 collecting projects; see bench/funds-sweep.ts).

-- The top-up sweep reads only the collecting projects whose deadline is near.
create index projects_collecting_deadline_idx on projects (campaign_ends_at) where status = 'published';

-- A project's grants: its reserved money (the engine's facts), its grants page, the sweep's "already topped up".
create index grants_project_idx on grants (project_id);
