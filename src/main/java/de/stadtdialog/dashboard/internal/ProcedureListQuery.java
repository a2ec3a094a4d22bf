package de.stadtdialog.dashboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;

import de.stadtdialog.procedure.Procedure;

/**
 * Turns a {@link ProcedureFilter} into one database query over the procedure read model: restriction and order
 * are both done by the database, so a page costs the same with ten or ten thousand procedures.
 */
final class ProcedureListQuery {

    private ProcedureListQuery() {
    }

    /**
     * @param allowedTenants the user's municipalities; a tenant filter outside them finds nothing
     */
    static Specification<Procedure> of(ProcedureFilter filter, Collection<String> allowedTenants, Instant now) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            List<String> tenants = allowedTenants.stream()
                .filter(id -> filter.tenantId() == null || filter.tenantId().equals(id)).toList();
            if (tenants.isEmpty()) {
                return cb.disjunction();
            }
            where.add(root.get("tenantId").in(tenants));
            if (filter.text() != null) {
                String pattern = "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'),
                    cb.like(cb.lower(root.get("businessKey")), pattern, '\\')));
            }
            if (filter.templateKey() != null) {
                where.add(cb.equal(root.get("templateKey"), filter.templateKey()));
            }
            if (filter.statusValue() != null) {
                where.add(cb.equal(root.get("status"), filter.statusValue()));
            }
            if (filter.overdueOnly()) {
                where.add(cb.lessThan(root.get("earliestTaskDue"), now));
            }
            if (filter.dueWithinDays() != null) {
                where.add(cb.between(root.get("nextDeadline"), now,
                    now.plus(Duration.ofDays(filter.dueWithinDays()))));
            }
            // count queries get no order; Spring Data's own sort cannot put empty deadlines last
            if (query.getResultType() != Long.class && query.getResultType() != long.class) {
                query.orderBy(order(filter, root, cb));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static List<Order> order(ProcedureFilter filter, Root<Procedure> root, CriteriaBuilder cb) {
        Expression<?> key = switch (filter.sortColumn()) {
            case businessKey -> root.get("businessKey");
            case title -> cb.lower(root.get("title"));
            case template -> root.get("templateKey");
            case tenant -> root.get("tenantId");
            case phase -> cb.lower(root.get("phase"));
            case deadline -> root.get("nextDeadline");
            case tasks -> root.get("openTaskCount");
            case status -> root.get("status");
        };
        List<Order> orders = new ArrayList<>();
        // procedures without the value (no deadline, no phase yet) come last in both directions
        orders.add(cb.asc(cb.selectCase().when(cb.isNull(key), 1).otherwise(0)));
        orders.add(filter.descending() ? cb.desc(key) : cb.asc(key));
        orders.add(cb.asc(root.get("businessKey")));
        orders.add(cb.asc(root.get("id")));
        return orders;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
