package org.supervisionhub.connectors.simulator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.supervisionhub.connectors.simulator.market.model.AbnormalEntry;
import org.supervisionhub.connectors.simulator.market.model.Change;
import org.supervisionhub.connectors.simulator.market.model.Enterprise;
import org.supervisionhub.connectors.simulator.market.model.Officer;
import org.supervisionhub.connectors.simulator.market.model.PersonRef;
import org.supervisionhub.connectors.simulator.market.model.Shareholder;
import org.supervisionhub.domain.directory.Uscc;

/**
 * A deterministic market registry: {@code size} subjects registered by changes 1..size, then changes appended over
 * time (each a pure function of the seed and its sequence number). Every change serves the subject's snapshot as of
 * that change, so a consumer replaying the feed in order ends at exactly {@link #snapshot(int, long)} at the head.
 * Only the list of which changes hit which subject is kept in memory.
 */
public final class MarketDataset {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** The counties of the synthetic province (graph-model/synthetic {@code Province}): a demo hub knows each of them. */
    public static final List<String> REGIONS = List.of("430102", "430103", "430104", "430121", "430202", "430203", "430281", "430302",
            "430304", "430321", "430405", "430406", "430481", "430602", "430681", "430702", "430703");
    /** Well formed, but no county: a registry's record placed there cannot be applied by a hub that does not know it. */
    public static final String UNKNOWN_REGION = "439999";
    static final OffsetDateTime EPOCH = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

    public enum Kind { REGISTERED, AMENDED, STATUS_CHANGED, ABNORMAL_LISTED, ABNORMAL_REMOVED }

    private final long seed;
    private final int size;
    private final Map<Integer, List<Long>> changesOf = new HashMap<>();
    private long head;

    public MarketDataset(long seed, int size) {
        this.seed = seed;
        this.size = size;
        this.head = size;
    }

    public int size() {
        return size;
    }

    public synchronized long head() {
        return head;
    }

    /** Appends {@code n} changes after the head; returns the new head. */
    public synchronized long advance(int n) {
        for (int k = 0; k < n; k++) {
            head++;
            changesOf.computeIfAbsent(target(head), x -> new ArrayList<>()).add(head);
        }
        return head;
    }

    /** The subject change {@code seq} is about. */
    public int target(long seq) {
        return seq <= size ? (int) (seq - 1) : (int) Math.floorMod(mix(seq, 1), size);
    }

    public Kind kind(long seq) {
        if (seq <= size) {
            return Kind.REGISTERED;
        }
        long r = Math.floorMod(mix(seq, 2), 100);
        return r < 45 ? Kind.AMENDED : r < 60 ? Kind.STATUS_CHANGED : r < 80 ? Kind.ABNORMAL_LISTED : Kind.ABNORMAL_REMOVED;
    }

    /** A number in [0, 1) fixed by the seed and the change, for faults that must be the same on every read. */
    public double unit(long seq, int salt) {
        return (Math.floorMod(mix(seq, 100 + salt), 1_000_000L)) / 1_000_000.0;
    }

    public String uscc(int index) {
        long code = Math.floorMod((index + 1L) * 1_000_000_007L + seed, 26_439_622_160_671L); // 31^9
        StringBuilder b = new StringBuilder("91").append(REGIONS.get(index % REGIONS.size()));
        char[] org = new char[9];
        for (int i = 8; i >= 0; i--) {
            org[i] = ALPHABET.charAt((int) (code % 31));
            code /= 31;
        }
        b.append(org);
        return b + String.valueOf(Uscc.checkCharacter(b.toString()));
    }

    /** The index of a USCC this dataset issued, or -1. */
    public int indexOf(String uscc) {
        for (int i = 0; i < size; i++) {
            if (uscc(i).equals(uscc)) {
                return i;
            }
        }
        return -1;
    }

    public synchronized List<Long> changesOf(int index) {
        return List.copyOf(changesOf.getOrDefault(index, List.of()));
    }

    /** The change {@code seq} as served: its kind and the subject's snapshot after it. */
    public Change change(long seq) {
        int index = target(seq);
        return new Change(seq, Change.KindEnum.fromValue(kind(seq).name()), uscc(index), committedAt(seq)).enterprise(snapshot(index, seq));
    }

    public OffsetDateTime committedAt(long seq) {
        return EPOCH.plusSeconds(seq);
    }

    /** Subject {@code index} after every change up to {@code upTo}. */
    public Enterprise snapshot(int index, long upTo) {
        String uscc = uscc(index);
        int legalGen = 0;
        int officerGen = 0;
        int holderGen = 0;
        boolean active = true;
        List<AbnormalEntry> abnormal = new ArrayList<>();
        long version = 1;
        for (long seq : changesOf(index)) {
            if (seq > upTo) {
                break;
            }
            version++;
            switch (kind(seq)) {
                case AMENDED -> {
                    switch ((int) Math.floorMod(mix(seq, 3), 3)) {
                        case 0 -> legalGen++;
                        case 1 -> officerGen++;
                        default -> holderGen++;
                    }
                }
                case STATUS_CHANGED -> active = !active;
                case ABNORMAL_LISTED -> {
                    if (abnormal.stream().noneMatch(a -> a.getRemovedOn() == null)) {
                        abnormal.add(new AbnormalEntry("AB-" + seq, committedAt(seq).toLocalDate(), "通过登记的住所或者经营场所无法联系",
                                "长沙市市场监督管理局"));
                    }
                }
                case ABNORMAL_REMOVED -> abnormal.stream().filter(a -> a.getRemovedOn() == null).findFirst().ifPresent(a -> a
                        .removedOn(committedAt(seq).toLocalDate()).removalReason("补报年度报告，申请移出"));
                default -> {
                }
            }
        }
        int branchOf = index % 10 == 9 ? index - 1 : -1;
        Enterprise e = new Enterprise(uscc, "湖南模拟" + index + "号" + (branchOf >= 0 ? "分公司" : "有限公司"),
                active ? Enterprise.StatusEnum.ACTIVE : Enterprise.StatusEnum.REVOKED, REGIONS.get(index % REGIONS.size()))
                .type(branchOf >= 0 ? "BRANCH" : "LIMITED_COMPANY").address("湖南省模拟路" + index + "号")
                .establishedOn(LocalDate.of(2000 + index % 25, 1 + index % 12, 1 + index % 28)).registeredCapital(String.valueOf(100 + index % 900) + "0000")
                .industryCode("C" + (13 + index % 30)).registrationAuthority("长沙市市场监督管理局")
                .legalRepresentative(new PersonRef("MK" + index + "-L" + legalGen, "法人" + index + "-" + legalGen))
                .officers(List.of(new Officer("MK" + index + "-M" + officerGen, "经理" + index + "-" + officerGen, Officer.RoleEnum.MANAGER),
                        new Officer("MK" + index + "-S0", "监事" + index, Officer.RoleEnum.SUPERVISOR)))
                .abnormalEntries(abnormal).version(version);
        if (branchOf >= 0) {
            e.parentUscc(uscc(branchOf));
        } else {
            e.shareholders(shareholders(index, holderGen));
        }
        return e;
    }

    /**
     * A company's holders: its founder (a new one after each transfer); every fifth company from the tenth on is also
     * held by the company ten before it, whose share moves with each transfer, so holdings chain across subjects.
     */
    List<Shareholder> shareholders(int index, int gen) {
        Shareholder founder = new Shareholder(Shareholder.KindEnum.PERSON, "MK" + index + "-H" + gen, "股东" + index + "-" + gen);
        if (index % 5 != 0 || index < 10) {
            return List.of(founder.sharePercent("100"));
        }
        int held = 40 - gen % 3 * 10;
        return List.of(founder.sharePercent(String.valueOf(100 - held)),
                new Shareholder(Shareholder.KindEnum.ENTERPRISE, uscc(index - 10), "湖南模拟" + (index - 10) + "号有限公司").sharePercent(held + ".00"));
    }

    private long mix(long seq, int salt) {
        long z = seq * 0x9E3779B97F4A7C15L + seed * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
