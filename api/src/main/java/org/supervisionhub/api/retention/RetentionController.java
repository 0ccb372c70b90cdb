package org.supervisionhub.api.retention;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.retention.RetentionService.Whereabouts;

/** Retention (retention.graphqls): where an exported receipt went. */
@Controller
public class RetentionController {

    /** As the schema's RestrictionReceiptExport shows it. */
    public record ReceiptExport(String receiptId, String file, String sha256, long count, java.time.OffsetDateTime from,
                                java.time.OffsetDateTime to, java.time.OffsetDateTime exportedAt, boolean inFile) {

        static ReceiptExport of(Whereabouts w) {
            return new ReceiptExport(w.receiptId(), w.export().file(), w.export().sha256(), w.export().count(), w.export().from(),
                    w.export().to(), w.export().exportedAt(), w.inFile());
        }
    }

    private final RetentionService retention;

    public RetentionController(RetentionService retention) {
        this.retention = retention;
    }

    @QueryMapping
    public ReceiptExport exportedRestrictionReceipt(@Argument String id) {
        return retention.whereIs(id).map(ReceiptExport::of).orElse(null);
    }
}
