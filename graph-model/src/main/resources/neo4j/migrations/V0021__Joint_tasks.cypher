// Joint tasks (PLAN-15, ASSIGN-13): the departments invited to a task, and the parts of a joint inspection.
CREATE CONSTRAINT participation_id IF NOT EXISTS FOR (n:Participation) REQUIRE n.id IS UNIQUE;
CREATE INDEX participation_task IF NOT EXISTS FOR (n:Participation) ON (n.taskId);
CREATE INDEX participation_department IF NOT EXISTS FOR (n:Participation) ON (n.departmentId);
CREATE INDEX inspection_joint IF NOT EXISTS FOR (n:Inspection) ON (n.jointOf);
