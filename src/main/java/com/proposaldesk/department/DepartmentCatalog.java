package com.proposaldesk.department;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The departments as configured in {@code proposal-desk.departments}; synchronised into the database at start-up. */
@ConfigurationProperties("proposal-desk")
public record DepartmentCatalog(List<Entry> departments) {

    public DepartmentCatalog {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    public record Entry(String code, String name, String leaderGroup) {
    }
}
