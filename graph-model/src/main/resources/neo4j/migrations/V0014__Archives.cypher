// Archived inspection files (ARCH-*): one per inspection, with amendments and loans.
CREATE CONSTRAINT archive_file_id IF NOT EXISTS FOR (n:ArchiveFile) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT archive_file_inspection IF NOT EXISTS FOR (n:ArchiveFile) REQUIRE n.inspectionId IS UNIQUE;
CREATE INDEX archive_file_department IF NOT EXISTS FOR (n:ArchiveFile) ON (n.departmentId);
CREATE CONSTRAINT archive_amendment_id IF NOT EXISTS FOR (n:ArchiveAmendment) REQUIRE n.id IS UNIQUE;
CREATE INDEX archive_amendment_file IF NOT EXISTS FOR (n:ArchiveAmendment) ON (n.fileId);
CREATE CONSTRAINT archive_borrowing_id IF NOT EXISTS FOR (n:ArchiveBorrowing) REQUIRE n.id IS UNIQUE;
CREATE INDEX archive_borrowing_file IF NOT EXISTS FOR (n:ArchiveBorrowing) ON (n.fileId);
CREATE INDEX archive_borrowing_status IF NOT EXISTS FOR (n:ArchiveBorrowing) ON (n.status, n.fileDepartment);
