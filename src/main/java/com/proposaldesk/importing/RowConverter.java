package com.proposaldesk.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;
import com.proposaldesk.registration.RegistrationRequest;

/**
 * Turns one row of the assignment list into the registration request the API takes: Chinese labels
 * become codes, lists are split, dates normalised. Whatever it cannot read is left for
 * {@link com.proposaldesk.registration.RegistrationValidator} to report, except the key flag, which the
 * request carries as a boolean.
 */
final class RowConverter {

    /** Names and units: 、 as the template says, and the separators people type anyway. */
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[、，,；;\\r\\n]+");
    /** Suggestions contain commas, so only line breaks and semicolons separate them. */
    private static final Pattern SUGGESTION_SEPARATORS = Pattern.compile("[；;\\r\\n]+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Set<String> YES = Set.of("是", "Y", "YES", "TRUE", "1", "重点");
    private static final Set<String> NO = Set.of("否", "N", "NO", "FALSE", "0");

    record ConvertedRow(int row, RegistrationRequest request, List<ImportProblem> problems) {
    }

    private RowConverter() {
    }

    static ConvertedRow convert(SheetContent.SheetRow row, HeaderLayout layout) {
        List<ImportProblem> problems = new ArrayList<>(layout.contentWithoutHeader(row));
        RegistrationRequest request = new RegistrationRequest(
                layout.value(row, ImportColumn.NUMBER),
                source(layout.value(row, ImportColumn.SOURCE)),
                layout.value(row, ImportColumn.SESSION),
                layout.value(row, ImportColumn.TITLE),
                new RegistrationRequest.LeadMember(layout.value(row, ImportColumn.LEAD_MEMBER),
                        layout.value(row, ImportColumn.SECTOR), layout.value(row, ImportColumn.EMAIL),
                        layout.value(row, ImportColumn.PHONE), layout.value(row, ImportColumn.DISTRICT)),
                split(layout.value(row, ImportColumn.CO_SIGNERS), NAME_SEPARATORS),
                split(layout.value(row, ImportColumn.SUGGESTIONS), SUGGESTION_SEPARATORS),
                role(layout.value(row, ImportColumn.ROLE)),
                key(row.number(), layout.value(row, ImportColumn.KEY), problems),
                date(layout.value(row, ImportColumn.ASSIGNED_ON)),
                layout.value(row, ImportColumn.EXTERNAL_LEAD_UNIT),
                split(layout.value(row, ImportColumn.EXTERNAL_CO_UNITS), NAME_SEPARATORS));
        return new ConvertedRow(row.number(), request, problems);
    }

    private static String source(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(ProposalSource.values())
                .filter(source -> source.label().equals(text) || source.name().equalsIgnoreCase(text))
                .map(Enum::name).findFirst().orElse(text);
    }

    private static String role(String text) {
        if (text == null) {
            return null;
        }
        if (text.equals("协办")) {
            return ProposalRole.CO_HANDLING.name();
        }
        return Arrays.stream(ProposalRole.values())
                .filter(role -> role.label().equals(text) || role.name().equalsIgnoreCase(text))
                .map(Enum::name).findFirst().orElse(text);
    }

    private static Boolean key(int row, String text, List<ImportProblem> problems) {
        if (text == null) {
            return false;
        }
        String value = text.toUpperCase(Locale.ROOT);
        if (YES.contains(value)) {
            return true;
        }
        if (!NO.contains(value)) {
            problems.add(ImportProblem.of(row, ImportColumn.KEY, "重点提案应填“是”或“否”，不能是“" + text + "”"));
        }
        return false;
    }

    /** 2024-03-15 as the template asks, and 2024/3/15, 2024.3.15, 2024年3月15日 as people write it. */
    private static String date(String text) {
        if (text == null) {
            return null;
        }
        Matcher date = DATE.matcher(text);
        if (date.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3))).toString();
            } catch (DateTimeException e) {
                return text;
            }
        }
        return text;
    }

    private static List<String> split(String text, Pattern separators) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(separators.split(text)).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
