package org.lfr.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The impostor arithmetic of scripts/evaluate --groups on a hand-made set whose answers are worked out below. */
class ImpostorRatesTest {

    // group W: w1 and w2 two images each, w3 and w4 one each; group B: b1, b2, b3 one image each
    static final List<ImpostorSet.Person> PEOPLE = List.of(new ImpostorSet.Person("b1", "B", 1),
            new ImpostorSet.Person("b2", "B", 1), new ImpostorSet.Person("b3", "B", 1),
            new ImpostorSet.Person("w1", "W", 2), new ImpostorSet.Person("w2", "W", 2),
            new ImpostorSet.Person("w3", "W", 1), new ImpostorSet.Person("w4", "W", 1));
    static final int B1 = 0, B2 = 1, B3 = 2, W1 = 3, W2 = 4, W3 = 5, W4 = 6;
    // the impostor image pairs that scored high: w1~w2 twice (0.9, 0.7), w3~w4, b1~b2, and w3~b3 across the groups
    static final ImpostorSet SET = new ImpostorSet(PEOPLE, List.of(new ImpostorSet.Match(W1, W2, 0.9),
            new ImpostorSet.Match(W1, W2, 0.7), new ImpostorSet.Match(W3, W4, 0.9), new ImpostorSet.Match(B1, B2, 0.82),
            new ImpostorSet.Match(B3, W3, 0.9)));
    static final int[] EVERYONE_ONCE = {1, 1, 1, 1, 1, 1, 1};

    final ImpostorRates rates = new ImpostorRates(SET);

    @Test
    void scoringKeepsImagePairsOfDifferentPeopleAtOrAboveTheFloor() {
        // a: two images along x; b: one at (0.8, 0.6), 0.8 from each of a's; c: (0, 1), 0.6 from b, 0 from a;
        // d has no label (left out); e is labelled but its image has no embedding (0 images)
        Map<String, List<String>> images = new LinkedHashMap<>();
        images.put("a", List.of("a/1", "a/2"));
        images.put("b", List.of("b/1"));
        images.put("c", List.of("c/1"));
        images.put("d", List.of("d/1"));
        images.put("e", List.of("e/1"));
        Map<String, float[]> embeddings = Map.of("a/1", new float[] {1, 0}, "a/2", new float[] {1, 0}, "b/1",
                new float[] {0.8f, 0.6f}, "c/1", new float[] {0, 1}, "d/1", new float[] {0.8f, 0.6f});
        Map<String, String> labels = Map.of("a/1", "X", "a/2", "X", "b/1", "X", "c/1", "Y", "e/1", "Y");
        PersonGroups groups = PersonGroups.of(images, labels);
        ImpostorSet set = ImpostorSet.score(images, groups.groupOf(), embeddings, 0.7);
        assertThat(set.people()).containsExactly(new ImpostorSet.Person("a", "X", 2),
                new ImpostorSet.Person("b", "X", 1), new ImpostorSet.Person("c", "Y", 1),
                new ImpostorSet.Person("e", "Y", 0));
        // a's own pair (score 1) is genuine, c~b is 0.6 < 0.7: only a~b's two image pairs
        assertThat(set.matches()).hasSize(2).allSatisfy(m -> {
            assertThat(m.a()).isZero();
            assertThat(m.b()).isEqualTo(1);
            assertThat(m.score()).isCloseTo(0.8, within(1e-6));
        });
        // same-group comparisons of X: a's 2 images × b's 1 = 2, both false matches at 0.75
        assertThat(new ImpostorRates(set).sameGroup("X", 0.75).count(new int[] {1, 1, 1, 1}))
                .isEqualTo(new IdentityBootstrap.Count(2, 2));
        assertThat(new ImpostorRates(set).samePairsOfPeople("Y")).as("e has no image: one person, no pair").isZero();
    }

    @Test
    void mixedLabelsLeaveThePersonOut() {
        PersonGroups groups = PersonGroups.of(Map.of("a", List.of("a/1", "a/2"), "b", List.of("b/1", "b/2")),
                Map.of("a/1", "X", "a/2", "Y", "b/1", "X"));
        assertThat(groups.groupOf()).isEqualTo(Map.of("b", "X"));
        assertThat(groups.mixed()).containsExactly("a");
    }

    @Test
    void sameAndCrossGroupCountsEveryImagePairOfDifferentPeople() {
        // W: pairs of people w1w2 2·2=4, w1w3 2, w1w4 2, w2w3 2, w2w4 2, w3w4 1 = 13 comparisons;
        // at 0.8 w1~w2 (0.9) and w3~w4 (0.9) false-match: 2 / 13
        assertThat(rates.sameGroup("W", 0.8).count(EVERYONE_ONCE)).isEqualTo(new IdentityBootstrap.Count(2, 13));
        // B: 3 comparisons, b1~b2 (0.82): 1 / 3; at 0.85 none
        assertThat(rates.sameGroup("B", 0.8).count(EVERYONE_ONCE)).isEqualTo(new IdentityBootstrap.Count(1, 3));
        assertThat(rates.sameGroup("B", 0.85).count(EVERYONE_ONCE)).isEqualTo(new IdentityBootstrap.Count(0, 3));
        // across: W's 6 images × B's 3 = 18 comparisons, w3~b3 one false match, for both groups
        assertThat(rates.crossGroup("W", 0.8).count(EVERYONE_ONCE)).isEqualTo(new IdentityBootstrap.Count(1, 18));
        assertThat(rates.crossGroup("B", 0.8).count(EVERYONE_ONCE)).isEqualTo(new IdentityBootstrap.Count(1, 18));
        assertThat(rates.samePairsOfPeople("W")).isEqualTo(6);
        assertThat(rates.samePairsOfPeople("B")).isEqualTo(3);
        assertThat(rates.crossPairsOfPeople("B")).isEqualTo(12);
    }

    @Test
    void aResampleWeightsPeopleByTimesDrawnAndNeverComparesAPersonWithThemself() {
        // w1 drawn twice (copies A, A'), w2 not, w3 and w4 once: A–w3 2, A–w4 2, A'–w3 2, A'–w4 2, w3–w4 1 = 9
        // (A–A' is the same person: not an impostor comparison); false matches: w1~w2 × 2·0 + w3~w4 × 1·1 = 1
        int[] drawn = {1, 1, 1, 2, 0, 1, 1};
        assertThat(rates.sameGroup("W", 0.8).count(drawn)).isEqualTo(new IdentityBootstrap.Count(1, 9));
        // across: W's drawn images 2·2 + 1 + 1 = 6 × B's 3 = 18; w3~b3 once
        assertThat(rates.crossGroup("W", 0.8).count(drawn)).isEqualTo(new IdentityBootstrap.Count(1, 18));
    }

    @Test
    void zeroEventsGiveTheExactUpperBoundNotCertainty() {
        // 1 - 0.05^(1/3) = 0.631597; about 3/n for large n: 1 - 0.05^(1/1000) = 0.0029913
        assertThat(Estimate.zeroEventUpper95(3)).isCloseTo(0.631597, within(1e-6));
        assertThat(Estimate.zeroEventUpper95(1000)).isCloseTo(0.0029913, within(1e-7));
        IdentityBootstrap bootstrap = new IdentityBootstrap(PEOPLE.stream().map(ImpostorSet.Person::group).toList(),
                2000, 7);
        Estimate none = Estimate.of(bootstrap, rates.sameGroup("B", 0.85), rates.samePairsOfPeople("B"));
        assertThat(none.value()).isZero();
        assertThat(none.ci95()).containsExactly(0.0, Estimate.zeroEventUpper95(3));
        // B at 0.8 over resamples of its 3 people (27 equally likely draws): all three once (6) gives 1/3; one
        // person twice with b1 and b2 both in (6) gives 2/2 = 1; twice with one of them missing (12) gives 0; one
        // person three times (3) has no comparison (left out). So 0 with 1/2, 1 with 1/4: the interval is [0, 1].
        Estimate b = Estimate.of(bootstrap, rates.sameGroup("B", 0.8), 3);
        assertThat(b.value()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(b.ci95()).containsExactly(0.0, 1.0);
    }

    @Test
    void ratiosToTheReferenceAreBoundedEvenWithZeroEvents() {
        // five resamples: the percentile interval is their lowest and highest ratio
        Estimate group = estimate(0.5, 2, 0.2, 0.8, 0.2, 0.4, 0.5, 0.6, 0.8);
        Estimate reference = estimate(0.25, 5, 0.1, 0.4, 0.1, 0.2, 0.25, 0.2, 0.4);
        ReferenceComparison ratio = ReferenceComparison.ratio(group, reference);
        assertThat(ratio.value()).isEqualTo(2.0); // 0.5 / 0.25
        assertThat(ratio.ci95()[0]).isCloseTo(2.0, within(1e-12)); // ratios 2, 2, 2, 3, 2
        assertThat(ratio.ci95()[1]).isCloseTo(3.0, within(1e-12));
        ReferenceComparison difference = ReferenceComparison.difference(group, reference);
        assertThat(difference.value()).isEqualTo(0.25);
        assertThat(difference.ci95()[0]).isCloseTo(0.1, within(1e-12)); // differences 0.1, 0.2, 0.25, 0.4, 0.4
        assertThat(difference.ci95()[1]).isCloseTo(0.4, within(1e-12));
        // no event in the group: 0, up to its zero-event bound over the reference's lower end, 0.631597 / 0.1
        Estimate none = new Estimate(0, 0, 3, new Double[] {0.0, Estimate.zeroEventUpper95(3)}, true,
                new double[] {0, 0, 0, 0, 0});
        ReferenceComparison bounded = ReferenceComparison.ratio(none, reference);
        assertThat(bounded.value()).isZero();
        assertThat(bounded.ci95()[1]).isCloseTo(6.31597, within(1e-5));
        // a resample with the reference at zero would make the ratio infinite: bounded the same way, 0.8 / 0.1
        Estimate zeroOnce = estimate(0.25, 5, 0.1, 0.4, 0.0, 0.2, 0.25, 0.2, 0.4);
        assertThat(ReferenceComparison.ratio(group, zeroOnce).ci95()[1]).isCloseTo(8.0, within(1e-12));
        // a reference whose resamples reach zero: its exact lower end instead, for 1 event in 1,000 trials the p with
        // P(X >= 1) = 1 - (1 - p)^1000 = 0.025, p = 1 - 0.975^(1/1000) = 2.5317e-5; 0.6 / 2.5317e-5 = 23,699
        assertThat(Estimate.exactLower95(1, 1000)).isCloseTo(2.5317e-5, within(1e-9));
        Estimate fewReference = new Estimate(0.001, 1, 1000, new Double[] {0.0, 0.003}, false, new double[5]);
        Estimate fewGroup = new Estimate(0, 0, 3, new Double[] {0.0, 0.6}, true, new double[5]);
        assertThat(ReferenceComparison.ratio(fewGroup, fewReference).ci95()[1]).isCloseTo(23699, within(1.0));
        // TPIR with no miss: its lower end is 1 - the zero-event bound over its people (3: 0.368403); the
        // difference combines the ends: [0.368403 - 0.8, 1 - 0.2]
        Estimate allFound = new Estimate(1, 3, 3, new Double[] {1 - Estimate.zeroEventUpper95(3), 1.0}, true,
                new double[] {1, 1, 1, 1, 1});
        Estimate someFound = estimate(0.5, 5, 0.2, 0.8, 0.2, 0.4, 0.5, 0.6, 0.8);
        ReferenceComparison gap = ReferenceComparison.difference(allFound, someFound);
        assertThat(gap.value()).isEqualTo(0.5);
        assertThat(gap.ci95()[0]).isCloseTo(0.368403 - 0.8, within(1e-6));
        assertThat(gap.ci95()[1]).isCloseTo(0.8, within(1e-12));
        // a reference with no event at all gives no ratio (null), never Infinity
        Estimate noReference = new Estimate(0, 0, 3, new Double[] {0.0, 0.6}, true, new double[5]);
        assertThat(ReferenceComparison.ratio(group, noReference).value()).isNull();
    }

    @Test
    void theReportNamesTheReferenceAndWhereFalseMatchesComeFrom() throws Exception {
        Map<String, Double> points = new LinkedHashMap<>();
        points.put("default", 0.8);
        points.put("0.01", 0.85);
        points.put("0.001", 0.95);
        // FPIR: W's non-mated w3 (0.85, 0.1) and w4 (0.1): 1 of 3 at 0.8; B's b1 (0.9), b2, b3 (0.1): 1 of 3
        List<GroupRates.Probe> probes = List.of(probe("w3", false, 0.85), probe("w3", false, 0.1),
                probe("w4", false, 0.1), probe("w1", true, 0.9), probe("w2", true, 0.7), probe("b1", false, 0.9),
                probe("b2", false, 0.1), probe("b3", false, 0.1));
        ImpostorReport report = new ImpostorReport(SET, probes, points, 2000, 7);
        Map<String, Object> json = report.json();
        assertThat(json).containsEntry("reference_group", "W"); // 13 same-group comparisons against B's 3
        Map<String, Object> b = report.groupJson("B");
        assertThat(at(b, "fmr_same_group", "default")).containsEntry("value", 1 / 3.0)
                .containsEntry("comparisons", 3L).containsEntry("false_matches", 1L);
        assertThat(at(b, "fmr_same_group", "0.01")).containsEntry("value", 0.0)
                .containsEntry("ci95", new Double[] {0.0, Estimate.zeroEventUpper95(3)});
        // B over W at 0.8: (1/3) / (2/13) = 13/6; FPIR 1/3 over 1/3 = 1
        assertThat(at(json, "fmr_ratio_to_reference", "B", "default").get("value")).isEqualTo(13 / 6.0);
        assertThat(at(json, "fpir_ratio_to_reference", "B", "default").get("value")).isEqualTo(1.0);
        assertThat(at(json, "fmr_ratio_to_reference", "B", "0.001").get("value")).as("W has none").isNull();
        // W's false matches at 0.8: w1~w2 once in 4 comparisons, w3~w4 once in 1; without the first, 1 / 9
        Map<String, Object> sources = at(report.groupJson("W"), "false_match_sources", "default");
        assertThat(sources).containsEntry("people", 4L).containsEntry("pairs_of_people", 2L)
                .containsEntry("fmr_without_top_pair", 1 / 9.0);
        assertThat(sources.get("top_pairs").toString()).contains("w1").contains("w2");
        String text = new ObjectMapper().writeValueAsString(Map.of("json", json, "B", b));
        assertThat(text).doesNotContain("Infinity").doesNotContain("NaN");
        assertThat(report.table()).contains("reference group: W");
    }

    static Estimate estimate(double value, double events, double low, double high, double... replicates) {
        return new Estimate(value, events, 10, new Double[] {low, high}, false, replicates);
    }

    static GroupRates.Probe probe(String who, boolean mated, double score) {
        return new GroupRates.Probe(who, who + "/" + score + ".jpg", mated, mated, score);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> json, String... path) {
        Map<String, Object> m = json;
        for (String key : path) {
            m = (Map<String, Object>) m.get(key);
        }
        return m;
    }
}
