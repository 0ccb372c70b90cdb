// Plans, tasks, draws and the inspections they select (PLAN-*, DRAW-*, ASSIGN-*, TRIG-*).
CREATE CONSTRAINT sampling_plan_id IF NOT EXISTS FOR (n:SamplingPlan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sampling_task_id IF NOT EXISTS FOR (n:SamplingTask) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plan_adjustment_id IF NOT EXISTS FOR (n:PlanAdjustment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT draw_id IF NOT EXISTS FOR (n:Draw) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT draw_secret_id IF NOT EXISTS FOR (n:DrawSecret) REQUIRE n.drawId IS UNIQUE;
CREATE CONSTRAINT inspection_id IF NOT EXISTS FOR (n:Inspection) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT trigger_id IF NOT EXISTS FOR (n:Trigger) REQUIRE n.id IS UNIQUE;
// One plan per department and year.
CREATE CONSTRAINT sampling_plan_department_year IF NOT EXISTS FOR (n:SamplingPlan) REQUIRE (n.departmentId, n.year) IS UNIQUE;
// One draw per task and batch: a concurrent second commit of the same batch fails on this key.
CREATE CONSTRAINT draw_task_batch IF NOT EXISTS FOR (n:Draw) REQUIRE (n.taskId, n.batchNo) IS UNIQUE;
CREATE INDEX draw_pool_chunk IF NOT EXISTS FOR (n:DrawPoolChunk) ON (n.drawId, n.seq);
CREATE INDEX draw_committed IF NOT EXISTS FOR (n:Draw) ON (n.committedAt);
// DRAW-12 counts an enterprise's inspections of a year; DRAW-13 finds other draws' inspections of the same enterprise.
CREATE INDEX inspection_year IF NOT EXISTS FOR (n:Inspection) ON (n.year, n.status);
CREATE INDEX inspection_draw IF NOT EXISTS FOR (n:Inspection) ON (n.drawId, n.status);
CREATE INDEX inspection_task IF NOT EXISTS FOR (n:Inspection) ON (n.taskId);
CREATE INDEX trigger_department IF NOT EXISTS FOR (n:Trigger) ON (n.departmentId, n.occurredOn);
CREATE INDEX sampling_task_plan IF NOT EXISTS FOR (n:SamplingTask) ON (n.planId);
CREATE CONSTRAINT sequence_name IF NOT EXISTS FOR (n:Sequence) REQUIRE n.name IS UNIQUE;
