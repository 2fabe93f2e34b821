package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.cfn.RequestType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The suite's results as the Markdown tables RELIABILITY.md shows: only counts that every run reproduces. */
final class Report {
    /** The groups of cases besides the fault matrix, in the order the tables list them. */
    enum Group {
        FAULT("A fault on one AWS call"),
        STEP("A step of a Create refused for good (403), then the rollback Delete"),
        TWICE_IN_A_ROW("The same Create delivered twice, one after the other"),
        TWICE_AT_ONCE("The same Create delivered twice at the same time"),
        DELETE_TWICE("The same Delete delivered twice"),
        RESPONSE_URL("The ResponseURL fails (500s then success, a dropped connection, a slow answer, a 403, no "
                + "answer)");

        private final String description;

        Group(String description) {
            this.description = description;
        }
    }

    /** One case's place in the tables and its verdict. */
    record Entry(
            Group group,
            String kind,
            RequestType type,
            String call,
            Fault fault,
            boolean persistent,
            Verdict verdict) {}

    private static final List<RequestType> TYPES = List.of(RequestType.CREATE, RequestType.UPDATE, RequestType.DELETE);

    private Report() {}

    /**
     * @param specs every kind's declared calls, in the registry's order
     */
    static String markdown(List<Entry> entries, Map<String, Set<String>> specs) {
        List<Entry> faults =
                entries.stream().filter(e -> e.group() == Group.FAULT).toList();
        StringBuilder out = new StringBuilder();
        out.append("#### Faults injected\n\n")
                .append("| Fault | What the call gets | Cases: ")
                .append(Fault.TRANSIENT_TIMES)
                .append(" times, then answered | Cases: every time |\n| --- | --- | --- | --- |\n");
        for (Fault fault : Fault.values()) {
            out.append("| ")
                    .append(fault.label())
                    .append(" | ")
                    .append(fault.description())
                    .append(" | ")
                    .append(count(faults, e -> e.fault() == fault && !e.persistent()))
                    .append(" | ")
                    .append(count(faults, e -> e.fault() == fault && e.persistent()))
                    .append(" |\n");
        }
        out.append("\n#### Calls covered\n\nCases per call and request (every call each kind's spec declares; a "
                        + "request that never makes\na call has no cases for it):\n\n")
                .append("| Kind | Call | Create | Update | Delete |\n| --- | --- | --- | --- | --- |\n");
        specs.forEach((kind, calls) -> calls.stream().sorted().forEach(call -> {
            out.append("| ").append(kind).append(" | ").append(call);
            for (RequestType type : TYPES) {
                long n = count(
                        faults,
                        e -> e.kind().equals(kind)
                                && e.type() == type
                                && e.call().equals(call));
                out.append(" | ").append(n == 0 ? "" : String.valueOf(n));
            }
            out.append(" |\n");
        }));
        out.append("\n#### Outcomes\n\n| Kind | Request | Calls faulted | Cases");
        Arrays.stream(Verdict.Outcome.values()).forEach(o -> out.append(" | ").append(o.heading()));
        out.append(" | Leaks | Double answers | Past the deadline | Other problems |\n|")
                .append(" --- |".repeat(4 + Verdict.Outcome.values().length + 4))
                .append('\n');
        for (String kind : specs.keySet()) {
            for (RequestType type : TYPES) {
                List<Entry> rows = faults.stream()
                        .filter(e -> e.kind().equals(kind) && e.type() == type)
                        .toList();
                if (!rows.isEmpty()) {
                    row(out, kind, type.wireName(), rows);
                }
            }
        }
        row(out, "**All**", "", faults);
        out.append("\n#### Other cases\n\n| Case | Cases");
        Arrays.stream(Verdict.Outcome.values()).forEach(o -> out.append(" | ").append(o.heading()));
        out.append(" | Leaks | Double answers | Past the deadline | Other problems |\n|")
                .append(" --- |".repeat(2 + Verdict.Outcome.values().length + 4))
                .append('\n');
        for (Group group : Group.values()) {
            if (group != Group.FAULT) {
                List<Entry> rows =
                        entries.stream().filter(e -> e.group() == group).toList();
                out.append("| ").append(group.description);
                counts(out, rows);
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String kind, String type, List<Entry> rows) {
        out.append("| ")
                .append(kind)
                .append(" | ")
                .append(type)
                .append(" | ")
                .append(rows.stream().map(Entry::call).distinct().count());
        counts(out, rows);
    }

    private static void counts(StringBuilder out, List<Entry> rows) {
        out.append(" | ").append(rows.size());
        for (Verdict.Outcome outcome : Verdict.Outcome.values()) {
            out.append(" | ")
                    .append(count(
                            rows,
                            e -> e.verdict().outcome() == outcome && e.verdict().passed()));
        }
        out.append(" | ")
                .append(count(rows, e -> e.verdict().leak()))
                .append(" | ")
                .append(count(rows, e -> e.verdict().doubleAnswer()))
                .append(" | ")
                .append(count(rows, e -> e.verdict().late()))
                .append(" | ")
                .append(count(
                        rows,
                        e -> !e.verdict().passed()
                                && !e.verdict().leak()
                                && !e.verdict().doubleAnswer()
                                && !e.verdict().late()))
                .append(" |\n");
    }

    private static long count(List<Entry> entries, Predicate<Entry> which) {
        return entries.stream().filter(which).count();
    }
}
