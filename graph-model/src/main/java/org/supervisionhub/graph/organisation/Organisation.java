package org.supervisionhub.graph.organisation;

/** Value types of the organisation graph. */
public final class Organisation {

    private Organisation() {
    }

    public record Region(String code, String name, String level, String parentCode) {
    }

    public record Department(String id, String name, String sector, String level, String regionCode, String superiorId) {
    }

    public record Unit(String id, String name, String role, String departmentId) {
    }

    public record BusinessLine(String code, String name, String sector) {
    }
}
