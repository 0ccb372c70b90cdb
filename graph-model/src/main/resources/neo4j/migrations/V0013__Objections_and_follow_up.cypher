// Re-examinations of published results (OBJ-*) and the follow-up of results (FOLLOW-*, NONCOOP-*, PUB-06).
CREATE CONSTRAINT result_objection_id IF NOT EXISTS FOR (n:ResultObjection) REQUIRE n.id IS UNIQUE;
CREATE INDEX result_objection_result IF NOT EXISTS FOR (n:ResultObjection) ON (n.resultId);
CREATE INDEX result_objection_status IF NOT EXISTS FOR (n:ResultObjection) ON (n.status, n.reviewingDepartment);
CREATE CONSTRAINT enforcement_case_id IF NOT EXISTS FOR (n:EnforcementCase) REQUIRE n.id IS UNIQUE;
CREATE INDEX enforcement_case_result IF NOT EXISTS FOR (n:EnforcementCase) ON (n.resultId);
CREATE CONSTRAINT penalty_decision_id IF NOT EXISTS FOR (n:PenaltyDecision) REQUIRE n.id IS UNIQUE;
CREATE INDEX penalty_decision_case IF NOT EXISTS FOR (n:PenaltyDecision) ON (n.caseId);
CREATE INDEX penalty_decision_department IF NOT EXISTS FOR (n:PenaltyDecision) ON (n.departmentId);
CREATE INDEX penalty_decision_uscc IF NOT EXISTS FOR (n:PenaltyDecision) ON (n.uscc);
CREATE CONSTRAINT referral_id IF NOT EXISTS FOR (n:Referral) REQUIRE n.id IS UNIQUE;
CREATE INDEX referral_result IF NOT EXISTS FOR (n:Referral) ON (n.resultId);
CREATE INDEX referral_recipient IF NOT EXISTS FOR (n:Referral) ON (n.recipientDepartment);
CREATE CONSTRAINT non_cooperation_id IF NOT EXISTS FOR (n:NonCooperation) REQUIRE n.id IS UNIQUE;
CREATE INDEX non_cooperation_inspection IF NOT EXISTS FOR (n:NonCooperation) ON (n.inspectionId);
CREATE CONSTRAINT enforcement_case_number IF NOT EXISTS FOR (n:EnforcementCase) REQUIRE (n.departmentId, n.caseNumber) IS UNIQUE;
// Overdue tasks per department.
CREATE INDEX sampling_task_department IF NOT EXISTS FOR (n:SamplingTask) ON (n.departmentId);
