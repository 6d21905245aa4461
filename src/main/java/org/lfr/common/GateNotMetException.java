package org.lfr.common;

import java.util.List;

import io.smallrye.graphql.api.ErrorCode;

/** A transition refused because rules are unmet; each rule by its stable name (in {@code extensions.unmetRules}). */
@ErrorCode(org.lfr.common.ErrorCode.Codes.GATE_NOT_MET)
public class GateNotMetException extends ServiceException {

    private final List<RuleCode> unmetRules;

    public GateNotMetException(String action, List<? extends RuleCode> unmetRules) {
        super(action + " refused, unmet rules: " + String.join(", ", unmetRules.stream().map(RuleCode::name).toList()));
        this.unmetRules = List.copyOf(unmetRules);
    }

    public List<RuleCode> unmetRules() {
        return unmetRules;
    }

    public List<String> unmetRuleNames() {
        return unmetRules.stream().map(RuleCode::name).toList();
    }

    @Override
    public org.lfr.common.ErrorCode code() {
        return org.lfr.common.ErrorCode.GATE_NOT_MET;
    }
}
