package org.supervisionhub.connectors.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.connectors.simulator.credit.model.ListEntry;
import org.supervisionhub.connectors.simulator.tax.model.CreditGrade;
import org.supervisionhub.connectors.simulator.tax.model.MajorViolation;

/**
 * The tax system's credit grades and major-violation list and the credit platform's joint-punishment lists over the
 * registry's subjects, fixed by the seed. At the start every {@code step}-th subject is listed (items 1..n), then every
 * third listing is removed (items n+1..), and every subject has its 2025 grade. As the registry advances, some of its
 * changes bring a new listing on either list or a re-assessed grade (appended items), so the lists grow with time.
 * Each item is the entry's whole state at that point; malformed items are the same on every read.
 */
public final class ListsDataset {

    static final int TAX_STEP = 37;
    static final int CREDIT_STEP = 53;

    static final String JOINT_BASIS = "《关于加快推进社会信用体系建设构建以信用为核心的新型监管机制的指导意见》";
    static final String[] GRADES = {"A", "B", "B", "M", "B", "C", "A", "B", "D", "M"};

    private final MarketDataset market;
    /** Registry changes that brought a tax listing, a joint-punishment listing, a re-assessed grade; in order. */
    private final List<Long> taxAppended = new ArrayList<>();
    private final List<Long> creditAppended = new ArrayList<>();
    private final List<Long> gradeAppended = new ArrayList<>();
    private long seen;

    public ListsDataset(MarketDataset market) {
        this.market = market;
        this.seen = market.size();
    }

    /** Catches up with the registry's changes since the last call. */
    private synchronized void follow() {
        long head = market.head();
        for (long c = seen + 1; c <= head; c++) {
            double u = market.unit(c, 30);
            if (u < 0.03) {
                taxAppended.add(c);
            } else if (u < 0.06) {
                creditAppended.add(c);
            } else if (u < 0.16) {
                gradeAppended.add(c);
            }
        }
        seen = head;
    }

    private synchronized Long appended(List<Long> changes, long index) {
        follow();
        return changes.get((int) index);
    }

    private synchronized int appendedCount(List<Long> changes) {
        follow();
        return changes.size();
    }

    public long gradeItems() {
        return market.size() + appendedCount(gradeAppended);
    }

    /** Item {@code seq} of the grades: each subject's 2025 grade, then re-assessments (复评) as the registry advances. */
    public CreditGrade grade(long seq) {
        if (seq <= market.size()) {
            return new CreditGrade(seq, market.uscc((int) seq - 1), 2025, CreditGrade.GradeEnum.fromValue(GRADES[(int) (market.unit(seq, 20) * 10)]))
                    .assessedOn(LocalDate.of(2026, 4, 15));
        }
        long change = appended(gradeAppended, seq - market.size() - 1);
        return new CreditGrade(seq, market.uscc(market.target(change)), 2025, CreditGrade.GradeEnum.fromValue(GRADES[(int) (market.unit(change, 21) * 10)]))
                .assessedOn(market.committedAt(change).toLocalDate());
    }

    static long listed(int size, int step, int offset) {
        return size <= offset ? 0 : (size - 1 - offset) / step + 1;
    }

    static long items(int size, int step, int offset) {
        long n = listed(size, step, offset);
        return n + (n + 2) / 3;
    }

    public long taxItems() {
        return items(market.size(), TAX_STEP, 5) + appendedCount(taxAppended);
    }

    public long creditItems() {
        return items(market.size(), CREDIT_STEP, 7) + appendedCount(creditAppended);
    }

    /** Item {@code seq} of the tax list. */
    public MajorViolation tax(long seq) {
        long initial = items(market.size(), TAX_STEP, 5);
        if (seq > initial) {
            long change = appended(taxAppended, seq - initial - 1);
            int subject = market.target(change);
            return new MajorViolation(seq, "TAX-C" + change, market.uscc(subject), market.committedAt(change).toLocalDate(),
                    "逃避追缴欠税" + (subject % 100) + "万元", "国家税务总局湖南省税务局");
        }
        long n = listed(market.size(), TAX_STEP, 5);
        long listing = seq <= n ? seq : 3 * (seq - n) - 2;
        int subject = (int) (5 + TAX_STEP * (listing - 1));
        MajorViolation v = new MajorViolation(seq, "TAX-" + subject, market.uscc(subject), LocalDate.of(2025, 1 + subject % 12, 1 + subject % 28),
                "虚开增值税专用发票" + (subject % 100) + "份", "国家税务总局湖南省税务局");
        return seq <= n ? v : v.removedOn(LocalDate.of(2026, 6, 1 + subject % 28));
    }

    /** Item {@code seq} of the joint-punishment lists. */
    public ListEntry credit(long seq) {
        long initial = items(market.size(), CREDIT_STEP, 7);
        if (seq > initial) {
            long change = appended(creditAppended, seq - initial - 1);
            int subject = market.target(change);
            return new ListEntry(seq, "JP-C" + change, ListEntry.ListTypeEnum.SERIOUS_DISHONESTY, market.uscc(subject),
                    market.committedAt(change).toLocalDate(), "湖南省发展和改革委员会").reason("列入严重失信主体名单")
                    .legalBasis(JOINT_BASIS);
        }
        long n = listed(market.size(), CREDIT_STEP, 7);
        long listing = seq <= n ? seq : 3 * (seq - n) - 2;
        int subject = (int) (7 + CREDIT_STEP * (listing - 1));
        ListEntry e = new ListEntry(seq, "JP-" + subject, listing % 2 == 0 ? ListEntry.ListTypeEnum.COURT_DISHONEST_DEBTOR
                : ListEntry.ListTypeEnum.SERIOUS_DISHONESTY, market.uscc(subject), LocalDate.of(2025, 1 + subject % 12, 1 + subject % 28),
                listing % 2 == 0 ? "长沙市中级人民法院" : "湖南省发展和改革委员会").reason("列入联合惩戒名单").legalBasis(JOINT_BASIS);
        return seq <= n ? e : e.removedOn(LocalDate.of(2026, 7, 1 + subject % 28));
    }

    /** An identifier that fails its check, as a broken item carries it. */
    static String broken(String uscc) {
        return uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
    }
}
