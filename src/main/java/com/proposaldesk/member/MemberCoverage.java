package com.proposaldesk.member;

import java.time.LocalDate;
import java.util.List;

/**
 * 属地负责、分片包干: in one year, when each member was last contacted (at any stage) and how often,
 * and who has not been contacted at all.
 */
public record MemberCoverage(int year, int total, int contacted, List<Row> members, List<Row> uncontacted) {

    public record Row(
            long memberId,
            String name,
            String sector,
            String district,
            String liaisonDepartment,
            String liaisonDepartmentName,
            String liaisonUser,
            String liaisonUserName,
            LocalDate lastContact,
            int contacts) {

        Row withLiaisonUserName(String userName) {
            return new Row(memberId, name, sector, district, liaisonDepartment, liaisonDepartmentName, liaisonUser, userName,
                    lastContact, contacts);
        }
    }

    static MemberCoverage of(int year, List<Row> members) {
        List<Row> uncontacted = members.stream().filter(row -> row.contacts() == 0).toList();
        return new MemberCoverage(year, members.size(), members.size() - uncontacted.size(), members, uncontacted);
    }
}
