package org.supervisionhub.connectors.simulator;

import java.time.LocalDate;

import org.supervisionhub.connectors.simulator.credit.model.ListEntry;
import org.supervisionhub.connectors.simulator.tax.model.MajorViolation;

/**
 * The tax system's major-violation list and the credit platform's joint-punishment lists over the registry's subjects,
 * fixed by the seed: every {@code step}-th subject is listed (items 1..n), then every third listing is removed (items
 * n+1..). Each item is the entry's whole state at that point; malformed items are the same on every read.
 */
public final class ListsDataset {

    static final int TAX_STEP = 37;
    static final int CREDIT_STEP = 53;

    private final MarketDataset market;

    public ListsDataset(MarketDataset market) {
        this.market = market;
    }

    static long listed(int size, int step, int offset) {
        return size <= offset ? 0 : (size - 1 - offset) / step + 1;
    }

    static long items(int size, int step, int offset) {
        long n = listed(size, step, offset);
        return n + (n + 2) / 3;
    }

    public long taxItems() {
        return items(market.size(), TAX_STEP, 5);
    }

    public long creditItems() {
        return items(market.size(), CREDIT_STEP, 7);
    }

    /** Item {@code seq} of the tax list. */
    public MajorViolation tax(long seq) {
        long n = listed(market.size(), TAX_STEP, 5);
        long listing = seq <= n ? seq : 3 * (seq - n) - 2;
        int subject = (int) (5 + TAX_STEP * (listing - 1));
        MajorViolation v = new MajorViolation(seq, "TAX-" + subject, market.uscc(subject), LocalDate.of(2025, 1 + subject % 12, 1 + subject % 28),
                "虚开增值税专用发票" + (subject % 100) + "份", "国家税务总局湖南省税务局");
        return seq <= n ? v : v.removedOn(LocalDate.of(2026, 6, 1 + subject % 28));
    }

    /** Item {@code seq} of the joint-punishment lists. */
    public ListEntry credit(long seq) {
        long n = listed(market.size(), CREDIT_STEP, 7);
        long listing = seq <= n ? seq : 3 * (seq - n) - 2;
        int subject = (int) (7 + CREDIT_STEP * (listing - 1));
        ListEntry e = new ListEntry(seq, "JP-" + subject, listing % 2 == 0 ? ListEntry.ListTypeEnum.COURT_DISHONEST_DEBTOR
                : ListEntry.ListTypeEnum.SERIOUS_DISHONESTY, market.uscc(subject), LocalDate.of(2025, 1 + subject % 12, 1 + subject % 28),
                listing % 2 == 0 ? "长沙市中级人民法院" : "湖南省发展和改革委员会").reason("列入联合惩戒名单").legalBasis("《关于加快推进社会信用体系建设构建以信用为核心的新型监管机制的指导意见》");
        return seq <= n ? e : e.removedOn(LocalDate.of(2026, 7, 1 + subject % 28));
    }

    /** An identifier that fails its check, as a broken item carries it. */
    static String broken(String uscc) {
        return uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
    }
}
