package org.lfr.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lfr.audit.AuditAction;
import org.lfr.common.ErrorCode;
import org.lfr.common.ServiceException;

import com.tngtech.archunit.core.domain.JavaClass;

/** API codes and audit actions are enums, stated once; every exception the API shows carries its code explicitly. */
class ErrorCodesTest {

    @Test
    void everyServiceExceptionIsAnnotatedWithItsOwnCode() throws Exception {
        List<JavaClass> exceptions = ArchitectureTest.SERVICE.stream()
                .filter(c -> c.isAssignableTo(ServiceException.class) && !c.getModifiers().contains(
                        com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)).toList();
        assertThat(exceptions).hasSizeGreaterThanOrEqualTo(ErrorCode.values().length);
        for (JavaClass c : exceptions) {
            Class<?> type = Class.forName(c.getName());
            var annotation = type.getAnnotation(io.smallrye.graphql.api.ErrorCode.class);
            assertThat(annotation).as(c.getName() + " names its GraphQL code").isNotNull();
            assertThat(ErrorCode.values()).as(c.getName()).anyMatch(code -> code.code().equals(annotation.value()));
        }
    }

    @Test
    void everyRefusableActionHasItsRefusal() {
        List<AuditAction> neverRefused = List.of(AuditAction.WATCHLIST_PURGED, AuditAction.ALERT_RAISED,
                AuditAction.ALERTS_EXPIRED, AuditAction.DEPLOYMENT_RECORD_GENERATED, AuditAction.ACCESS_REFUSED,
                AuditAction.ACCESS_REFUSED_REPEATED,
                AuditAction.SERVICE_STARTED, AuditAction.SERVICE_STOPPED, AuditAction.DATABASE_OUTAGE,
                AuditAction.RESTORED_FROM_BACKUP, AuditAction.FALSE_ALERT_EXCESS);
        for (AuditAction a : AuditAction.values()) {
            if (a.name().endsWith("_REFUSED") || neverRefused.contains(a)) {
                continue;
            }
            assertThat(a.refused().name()).as(a.name()).endsWith("_REFUSED");
        }
        assertThat(AuditAction.WATCHLIST_APPROVED.refused()).isEqualTo(AuditAction.WATCHLIST_APPROVAL_REFUSED);
    }
}
