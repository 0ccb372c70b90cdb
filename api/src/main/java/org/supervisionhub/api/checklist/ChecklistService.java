package org.supervisionhub.api.checklist;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.checklist.ChecklistInputs.CreateChecklistVersionInput;
import org.supervisionhub.api.checklist.ChecklistInputs.InspectionItemInput;
import org.supervisionhub.api.checklist.ChecklistInputs.UpdateChecklistDraftInput;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.Checklist.ItemData;
import org.supervisionhub.graph.checklist.Checklist.Version;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * The checklist aggregate: a version is drafted, then published, and a published version never
 * changes; a change is a new edition that supersedes it (CHK-06).
 */
@Service
public class ChecklistService {

    private final ChecklistRepository checklists;
    private final OrganisationRepository organisation;
    private final Clock clock;

    public ChecklistService(ChecklistRepository checklists, OrganisationRepository organisation, Clock clock) {
        this.checklists = checklists;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Transactional
    public Version create(CreateChecklistVersionInput in) {
        Checks checks = new Checks();
        checks.require("departmentId", in.departmentId()).require("title", in.title())
                .require("scope", in.scope()).require("kind", in.kind());
        List<ItemData> items = items(in.items(), "items", checks);
        checks.throwIfAny();
        if (organisation.department(in.departmentId()).isEmpty()) {
            throw new NotFoundException("departmentId", "no department " + in.departmentId());
        }
        return draft(in.departmentId(), in.title().strip(), in.scope(), in.kind(), null, items);
    }

    @Transactional
    public Version derive(String fromId, String title) {
        Version from = checklists.version(fromId).orElseThrow(() -> new NotFoundException("fromId", "no checklist version " + fromId));
        List<ItemData> items = checklists.items(List.of(fromId), Integer.MAX_VALUE - 1, null).get(fromId).items().stream()
                .map(ChecklistService::data).toList();
        return draft(from.departmentId(), title == null || title.isBlank() ? from.title() : title.strip(), from.scope(),
                from.kind(), from.id(), items);
    }

    @Transactional
    public Version updateDraft(UpdateChecklistDraftInput in) {
        Version v = checklists.version(in.id()).orElseThrow(() -> new NotFoundException("id", "no checklist version " + in.id()));
        rejectIfPublished(v, "id");
        Checks checks = new Checks();
        List<ItemData> items = items(in.items(), "items", checks);
        checks.throwIfAny();
        // The statement itself only touches drafts, so a publish racing this update wins cleanly.
        if (!checklists.replaceDraft(v.id(), in.title() == null ? null : in.title().strip(), items)) {
            rejectIfPublished(checklists.version(v.id()).orElseThrow(), "id");
        }
        return checklists.version(v.id()).orElseThrow();
    }

    @Transactional
    public Version publish(String id) {
        Version v = checklists.version(id).orElseThrow(() -> new NotFoundException("id", "no checklist version " + id));
        rejectIfPublished(v, "id");
        if (checklists.itemCounts(List.of(id)).getOrDefault(id, 0) == 0) {
            throw InvalidInputException.of("id", ErrorCode.INVALID_VALUE, "a checklist version without items cannot be published", "CHK-04");
        }
        if (!checklists.publish(id, now())) {
            rejectIfPublished(checklists.version(id).orElseThrow(), "id");
        }
        return checklists.version(id).orElseThrow();
    }

    private Version draft(String departmentId, String title, String scope, String kind, String supersedes, List<ItemData> items) {
        int edition = checklists.lastEdition(departmentId, scope, kind) + 1;
        String id = "CL-" + departmentId + "-" + kind + "-" + scope + "-" + edition;
        checklists.createDraft(id, departmentId, title, scope, kind, edition, supersedes, items, now());
        return checklists.version(id).orElseThrow();
    }

    // CHK-06: a published checklist is changed only by a new edition.
    private static void rejectIfPublished(Version v, String field) {
        if (v.published()) {
            throw InvalidInputException.of(field, ErrorCode.IMMUTABLE, "checklist version " + v.id()
                    + " is published and cannot change; derive a new edition with deriveChecklistVersion", "CHK-06");
        }
    }

    private List<ItemData> items(List<InspectionItemInput> items, String path, Checks checks) {
        if (items == null) {
            checks.require(path, null);
            return List.of();
        }
        Set<String> codes = new HashSet<>();
        Set<String> lines = new HashSet<>(organisation.businessLines().stream().map(l -> l.code()).toList());
        List<ItemData> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            InspectionItemInput it = items.get(i);
            String p = path + "[" + i + "].";
            checks.require(p + "code", it.code()).require(p + "title", it.title())
                    .require(p + "targetKind", it.targetKind()).require(p + "itemClass", it.itemClass());
            // CHK-04, CHK-07: every item states its legal basis and content; nothing is inspected without a basis.
            checks.check(it.legalBasis() != null && !it.legalBasis().isBlank(), p + "legalBasis", ErrorCode.REQUIRED,
                    "an inspection item must state its legal basis", "CHK-07");
            checks.check(it.content() != null && !it.content().isBlank(), p + "content", ErrorCode.REQUIRED,
                    "an inspection item must state its content", "CHK-04");
            checks.check(it.code() == null || codes.add(it.code()), p + "code", ErrorCode.CONFLICT, "item code " + it.code() + " appears twice", null);
            checks.check(it.methods() != null && !it.methods().isEmpty(), p + "methods", ErrorCode.REQUIRED, "at least one inspection method", "METH-01");
            checks.check(it.businessLineCode() == null || lines.contains(it.businessLineCode()), p + "businessLineCode",
                    ErrorCode.NOT_FOUND, "no business line " + it.businessLineCode(), null);
            String cap = ratioCap(it, p, checks);
            out.add(new ItemData(it.code(), it.title(), it.legalBasis(), it.content(), it.implementingBody(), it.targetKind(),
                    it.itemClass(), cap, it.methods(), it.businessLineCode()));
        }
        checks.check(!items.isEmpty(), path, ErrorCode.REQUIRED, "a checklist version needs at least one item", "CHK-04");
        return out;
    }

    // CHK-08, DRAW-07: key items have no ratio cap; general items must have one in (0, 1].
    private static String ratioCap(InspectionItemInput it, String p, Checks checks) {
        if ("KEY".equals(it.itemClass())) {
            checks.check(it.ratioCap() == null, p + "ratioCap", ErrorCode.INVALID_VALUE, "key items have no ratio cap", "DRAW-07");
            return null;
        }
        if (it.ratioCap() == null) {
            checks.check(!"GENERAL".equals(it.itemClass()), p + "ratioCap", ErrorCode.REQUIRED, "general items must have a ratio cap", "DRAW-07");
            return null;
        }
        try {
            BigDecimal cap = new BigDecimal(it.ratioCap().strip());
            boolean inRange = cap.signum() > 0 && cap.compareTo(BigDecimal.ONE) <= 0;
            checks.check(inRange, p + "ratioCap", ErrorCode.INVALID_VALUE, "ratioCap must be a decimal in (0, 1]", "DRAW-07");
            return inRange ? cap.stripTrailingZeros().toPlainString() : null;
        } catch (NumberFormatException e) {
            checks.check(false, p + "ratioCap", ErrorCode.INVALID_VALUE, "ratioCap must be a decimal such as 0.05", "DRAW-07");
            return null;
        }
    }

    private static ItemData data(Item i) {
        return new ItemData(i.code(), i.title(), i.legalBasis(), i.content(), i.implementingBody(), i.targetKind(), i.itemClass(),
                i.ratioCap(), i.methods(), i.businessLine());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
