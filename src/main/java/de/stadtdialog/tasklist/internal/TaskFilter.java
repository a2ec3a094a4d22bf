package de.stadtdialog.tasklist.internal;

import java.util.Arrays;

import org.springframework.web.util.UriComponentsBuilder;

/** What the task list shows: whose tasks, of which procedure, in which order, which page (from 0). */
record TaskFilter(View view, String procedure, Order order, int page) {

    TaskFilter {
        view = view == null ? View.GROUPS : view;
        order = order == null ? Order.DUE : order;
        procedure = procedure == null || procedure.isBlank() ? null : procedure.strip();
        page = Math.max(0, page);
    }

    static TaskFilter of(String view, String procedure, String order, Integer pageNumber) {
        return new TaskFilter(View.of(view), procedure, Order.of(order), pageNumber == null ? 0 : pageNumber - 1);
    }

    public TaskFilter withView(View other) {
        return new TaskFilter(other, procedure, order, 0);
    }

    public TaskFilter withoutProcedure() {
        return new TaskFilter(view, null, order, 0);
    }

    public TaskFilter atPage(int other) {
        return new TaskFilter(view, procedure, order, other);
    }

    /** The list's address for this filter (pages count from 1 in the URL). */
    public String url() {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/aufgaben").queryParam("ansicht", view.param);
        if (procedure != null) {
            url.queryParam("verfahren", procedure);
        }
        url.queryParam("sortierung", order.param);
        if (page > 0) {
            url.queryParam("seite", page + 1);
        }
        return url.encode().build().toUriString();
    }

    /** Whose tasks; {@link #param} is the value in the URL. */
    enum View {
        /** Assigned to me. */
        MINE("meine"),
        /** Assigned to me, or not yet claimed and offered to one of my groups. */
        GROUPS("gruppen"),
        /** Assigned to me, or offered to one of my groups, whoever has claimed it. */
        ALL_GROUPS("alle");

        final String param;

        View(String param) {
            this.param = param;
        }

        public String getParam() {
            return param;
        }

        public String getLabelKey() {
            return switch (this) {
                case MINE -> "tasklist.view.mine";
                case GROUPS -> "tasklist.view.groups";
                case ALL_GROUPS -> "tasklist.view.allGroups";
            };
        }

        static View of(String param) {
            return Arrays.stream(values()).filter(v -> v.param.equals(param)).findFirst().orElse(GROUPS);
        }
    }

    enum Order {
        /** Earliest due date first, tasks without one last. */
        DUE("faellig"),
        NEWEST("neueste"),
        OLDEST("aelteste");

        final String param;

        Order(String param) {
            this.param = param;
        }

        public String getParam() {
            return param;
        }

        public String getLabelKey() {
            return switch (this) {
                case DUE -> "tasklist.filter.sort.due";
                case NEWEST -> "tasklist.filter.sort.newest";
                case OLDEST -> "tasklist.filter.sort.oldest";
            };
        }

        static Order of(String param) {
            return Arrays.stream(values()).filter(o -> o.param.equals(param)).findFirst().orElse(DUE);
        }
    }
}
