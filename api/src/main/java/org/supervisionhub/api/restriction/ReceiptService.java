package org.supervisionhub.api.restriction;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.restriction.ReceiptRepository;
import org.supervisionhub.graph.restriction.Restrictions.Decision;
import org.supervisionhub.graph.restriction.Restrictions.DecisionKind;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;

/** Receipts of restriction checks as they are read back, and what a partner did with an answer (applied, exempted, disputed). */
@Service
public class ReceiptService {

    private final ReceiptRepository receipts;

    public ReceiptService(ReceiptRepository receipts) {
        this.receipts = receipts;
    }

    /** The receipt, if {@code viewer} may read it. */
    public Receipt readable(String id, Viewer viewer) {
        Receipt r = receipts.byId(List.of(id)).get(id);
        return r == null || !mayRead(viewer, r) ? null : r;
    }

    public Page<Receipt> page(Collection<String> departmentIds, String subjectId, int first, String after) {
        return receipts.page(departmentIds, subjectId, first, after);
    }

    public Map<String, List<Decision>> decisions(Collection<String> receiptIds) {
        return receipts.decisions(receiptIds);
    }

    /** Only the department that asked records what it did with the answer (administrators any). */
    @Transactional
    public Receipt recordDecision(String receiptId, DecisionKind decision, String reference, String note, OffsetDateTime at, Viewer viewer) {
        Receipt r = receipts.byId(List.of(receiptId)).get(receiptId);
        if (r == null) {
            throw new NotFoundException("receiptId", "no receipt " + receiptId);
        }
        if (!viewer.has(Role.ADMIN) && (viewer.departmentId() == null || !viewer.departmentId().equals(r.departmentId()))) {
            throw new ForbiddenException("receiptId", "receipt " + receiptId + " belongs to another department's check", false);
        }
        receipts.decide(receiptId, decision, reference, note, at, viewer.actor());
        return r;
    }

    /** Own department's receipts; oversight: its department tree; administrators: all. */
    static boolean mayRead(Viewer viewer, Receipt r) {
        if (viewer.has(Role.ADMIN)) {
            return true;
        }
        if (r.departmentId() == null || viewer.departmentId() == null) {
            return r.actor() != null && r.actor().equals(viewer.actor());
        }
        return viewer.departmentId().equals(r.departmentId())
                || (viewer.has(Role.OVERSIGHT) && viewer.departmentTree().get().contains(r.departmentId()));
    }
}
