package de.stadtdialog.lottery;

import java.util.List;

/**
 * All applicants with the same value in every quota category. Quotas cannot tell them apart, so the lottery
 * optimises over types and draws the members of a type uniformly. {@code code} ("T001", ...) numbers the types in
 * the order of their values in the quotas; {@code memberIds} are sorted (ASCII order).
 */
public record ProfileType(String code, List<String> values, List<String> memberIds) {

    public ProfileType {
        values = List.copyOf(values);
        memberIds = List.copyOf(memberIds);
    }

    public int count() {
        return memberIds.size();
    }
}
