package com.proposaldesk.board;

import java.time.LocalDate;
import java.util.List;

/** The progress board (挂图作战): the JSON of {@code GET /api/board}. */
public record Board(
        LocalDate today,
        int openCount,
        List<Row> proposals,
        List<Count> byStage,
        List<Count> byDepartment,
        Rate onTime,
        Rate satisfaction) {

    /** One open proposal; {@code workingDaysLeft} is negative when overdue and null without an answer deadline. */
    public record Row(String number, String title, String role, String roleLabel, boolean key, String status,
            String statusLabel, String stage, String leadDepartment, String leadDepartmentName, LocalDate answerDue,
            Integer workingDaysLeft, Light light, String lightLabel) {
    }

    public record Count(String name, int count) {
    }

    /** {@code part} of {@code whole}; {@code percent} is null when there is nothing to count yet. */
    public record Rate(int part, int whole, Double percent) {

        static Rate of(int part, int whole) {
            return new Rate(part, whole, whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0);
        }
    }

    /** Red: overdue; amber: at most {@link BoardService#AMBER_WORKING_DAYS} working days left; green otherwise. */
    public enum Light {
        RED("超期"), AMBER("临期"), GREEN("正常");

        private final String label;

        Light(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
