package de.stadtdialog.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import de.stadtdialog.procedure.ProcedureStatus;

/**
 * What the user asked the overview for, as request parameters. Every value is optional and read leniently, so an
 * edited address never leads to an error page: an unknown sort column, status or a number that is none means "no
 * such restriction".
 */
public record ProcedureFilter(String q, String template, String tenant, String status, String overdue, String days,
        String sort, String dir, String page) {

    static final String DEFAULT_SORT = "deadline";
    static final int MAX_DAYS = 3650;

    /** Sortable columns by their parameter value. */
    public enum Column {
        businessKey, title, template, tenant, phase, deadline, tasks, status
    }

    public String text() {
        return q == null || q.isBlank() ? null : q.trim();
    }

    public String templateKey() {
        return template == null || template.isBlank() ? null : template.trim();
    }

    public String tenantId() {
        return tenant == null || tenant.isBlank() ? null : tenant.trim();
    }

    public ProcedureStatus statusValue() {
        if (status == null) {
            return null;
        }
        for (ProcedureStatus value : ProcedureStatus.values()) {
            if (value.name().equalsIgnoreCase(status.trim())) {
                return value;
            }
        }
        return null;
    }

    public boolean overdueOnly() {
        return "true".equalsIgnoreCase(overdue == null ? null : overdue.trim());
    }

    /** The "deadline within N days" restriction, or null. */
    public Integer dueWithinDays() {
        Integer value = number(days);
        return value == null || value < 0 ? null : Math.min(value, MAX_DAYS);
    }

    public Column sortColumn() {
        if (sort != null) {
            for (Column column : Column.values()) {
                if (column.name().equals(sort)) {
                    return column;
                }
            }
        }
        return Column.valueOf(DEFAULT_SORT);
    }

    public boolean descending() {
        return "desc".equalsIgnoreCase(dir);
    }

    public int pageNumber() {
        Integer value = number(page);
        return value == null || value < 0 ? 0 : value;
    }

    private static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value of {@code aria-sort} for a column header; none for columns not sorted by. */
    public String ariaSort(String column) {
        if (!sortColumn().name().equals(column)) {
            return null;
        }
        return descending() ? "descending" : "ascending";
    }

    /** Sorts by the column, ascending first; a second click on the sorted column reverses. */
    public String sortLink(String column) {
        Map<String, Object> params = filterParams();
        params.put("sort", column);
        params.put("dir", sortColumn().name().equals(column) && !descending() ? "desc" : "asc");
        return link("/verfahren", params);
    }

    public String pageLink(int pageNumber) {
        Map<String, Object> params = filterParams();
        params.put("sort", sortColumn().name());
        params.put("dir", descending() ? "desc" : "asc");
        params.put("page", pageNumber);
        return link("/verfahren", params);
    }

    public String exportLink() {
        Map<String, Object> params = filterParams();
        params.put("sort", sortColumn().name());
        params.put("dir", descending() ? "desc" : "asc");
        return link("/verfahren/export.csv", params);
    }

    public boolean isFiltered() {
        return !filterParams().isEmpty();
    }

    private Map<String, Object> filterParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        put(params, "q", text());
        put(params, "template", templateKey());
        put(params, "tenant", tenantId());
        put(params, "status", statusValue() == null ? null : statusValue().name().toLowerCase(Locale.ROOT));
        put(params, "overdue", overdueOnly() ? Boolean.TRUE : null);
        put(params, "days", dueWithinDays());
        return params;
    }

    private static void put(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String link(String path, Map<String, Object> params) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        params.forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }
}
