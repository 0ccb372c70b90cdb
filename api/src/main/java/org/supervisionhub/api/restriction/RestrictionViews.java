package org.supervisionhub.api.restriction;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.domain.restriction.Effect;
import org.supervisionhub.graph.restriction.Restrictions.PathLink;
import org.supervisionhub.graph.restriction.Restrictions.PathNode;
import org.supervisionhub.domain.restriction.Reach;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.domain.restriction.TriggerKind;
import org.supervisionhub.domain.restriction.TriggerType;

/** Restriction answers as the schema shows them; {@link Content} is what the digest covers. */
public final class RestrictionViews {

    private RestrictionViews() {
    }

    public record Subject(String kind, String id, String name, boolean known) {
    }

    public record AppliedMeasure(String id, int version, String legalBasis, String issuingAuthority, Reach reach, int maxHops,
                                 BigDecimal minShare) {
    }

    public record AppliedTrigger(String id, TriggerKind kind, TriggerType type, String uscc, String issuingDepartmentId,
                                 String issuingDepartment, String legalBasis, OffsetDateTime listedAt, OffsetDateTime expectedEnd,
                                 SourceSystem source) {
    }

    public record Path(List<PathNode> nodes, List<PathLink> relationships) {
    }

    public record Applied(Effect effect, RestrictionDomain domain, String measureId, int measureVersion, AppliedMeasure measure,
                          AppliedTrigger trigger, Reach reach, OffsetDateTime startsAt, OffsetDateTime expectedEnd, Path path,
                          int alternativePaths) {
    }

    /** The decision content of an answer: what the digest covers, and what a receipt stores. */
    public record Content(Subject subject, RestrictionDomain domain, OffsetDateTime asOf, boolean restricted, List<Applied> restrictions,
                          List<Applied> alerts) {
    }

    public record SourceFreshness(SourceSystem source, OffsetDateTime lastSuccessfulSyncAt, Long lagSeconds, String state) {
    }

    public record Answer(Content content, List<SourceFreshness> freshness, String receiptId, String digest) {
        public Subject subject() {
            return content.subject();
        }

        public RestrictionDomain domain() {
            return content.domain();
        }

        public OffsetDateTime asOf() {
            return content.asOf();
        }

        public boolean restricted() {
            return content.restricted();
        }

        public List<Applied> restrictions() {
            return content.restrictions();
        }

        public List<Applied> alerts() {
            return content.alerts();
        }
    }

    /** What a receipt stores: the content and the freshness the answer showed. */
    public record Stored(Content content, List<SourceFreshness> freshness) {
    }

    public record Profile(Subject subject, OffsetDateTime asOf, boolean restricted, List<Answer> answers) {
    }

    /** What made the hub send a change event. */
    public enum ChangeCause { CURRENT, LISTED, REMOVED, MEASURE_CHANGED, TIME }

    /** One watched subject and domain whose answer changed; {@code wasRestricted} and {@code previousDigest} null for CURRENT. */
    public record ChangeEvent(List<ChangeCause> causes, List<String> triggerIds, List<String> measureIds, Boolean wasRestricted,
                              String previousDigest, Answer answer) {
    }
}
