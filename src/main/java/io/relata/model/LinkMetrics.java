package io.relata.model;

/** Filtered link-prediction metrics for one direction or both: MRR and Hits@1/3/10 over {@code queries} ranks. */
public record LinkMetrics(double mrr, double hits1, double hits3, double hits10, int queries) {

    static LinkMetrics of(int[] ranks) {
        double rr = 0;
        int h1 = 0;
        int h3 = 0;
        int h10 = 0;
        for (int rank : ranks) {
            rr += 1.0 / rank;
            h1 += rank <= 1 ? 1 : 0;
            h3 += rank <= 3 ? 1 : 0;
            h10 += rank <= 10 ? 1 : 0;
        }
        int n = Math.max(1, ranks.length);
        return new LinkMetrics(rr / n, (double) h1 / n, (double) h3 / n, (double) h10 / n, ranks.length);
    }

    /** Forward, inverse and both together. */
    public record ByDirection(LinkMetrics forward, LinkMetrics inverse, LinkMetrics both) {}
}
