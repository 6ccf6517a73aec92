package com.proposaldesk.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import com.proposaldesk.assignment.Recommendation.Principle;

class AssignmentRecommenderTest {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("food", "食品安全处");
        NAMES.put("ip", "知识产权处");
        NAMES.put("standards", "标准化处");
    }

    private final AssignmentRecommender recommender = new AssignmentRecommender(new ResponsibilityCatalogue(List.of(
            new ResponsibilityCatalogue.Area("food", List.of("食品安全"), List.of("食品", "餐饮", "快检")),
            new ResponsibilityCatalogue.Area("ip", List.of("知识产权"), List.of("专利", "商标")),
            new ResponsibilityCatalogue.Area("standards", List.of("标准化"), List.of("标准", "圳品")))));

    @Test
    void theDepartmentMostRelatedToTheSubjectLeads() {
        Recommendation r = recommender.recommend("关于加强知识产权保护的提案", List.of("完善专利快速维权", "制定餐饮服务标准"), NAMES, Map.of());

        assertThat(r.lead()).isEqualTo("ip");
        assertThat(r.principle()).isEqualTo(Principle.MOST_RELATED);
        assertThat(r.assisting()).containsExactly("food");
        assertThat(r.explanation()).startsWith("最大关联度原则：").contains("知识产权处");
    }

    @Test
    void withoutAClearSubjectTheDepartmentOfMostSuggestionsLeads() {
        Recommendation r = recommender.recommend("关于优化营商环境的提案",
                List.of("推行圳品认证", "加强餐饮后厨管理", "推广农贸市场快检", "规范食品标签"), NAMES, Map.of());

        assertThat(r.lead()).isEqualTo("food");
        assertThat(r.principle()).isEqualTo(Principle.MOST_SUGGESTIONS);
        assertThat(r.explanation()).isEqualTo("建议事项多数原则：食品安全处负责 4 项建议中的 3 项");
        assertThat(r.assisting()).containsExactly("standards");
    }

    @Test
    void onATieTheFirstSuggestionsDepartmentLeads() {
        Recommendation r = recommender.recommend("关于营商环境的提案", List.of("加强商标保护", "推行圳品认证"), NAMES,
                Map.of("ip", 9, "standards", 0));

        assertThat(r.lead()).isEqualTo("ip");
        assertThat(r.principle()).isEqualTo(Principle.FIRST_SUGGESTION);
        assertThat(r.explanation()).contains("第一项建议由知识产权处负责");
    }

    @Test
    void aTieOnEveryOtherPrincipleGoesToTheDepartmentWithFewestOpenLeadCases() {
        Recommendation r = recommender.recommend("关于食品与专利协同的提案", List.of("加强部门协作"), NAMES,
                Map.of("food", 5, "ip", 2));

        assertThat(r.lead()).isEqualTo("ip");
        assertThat(r.principle()).isEqualTo(Principle.BALANCED_WORKLOAD);
        assertThat(r.explanation()).contains("知识产权处当前主办在办提案最少（2 件）");
        assertThat(r.assisting()).containsExactly("food");
    }

    @Test
    void nothingRecognisableMeansNoRecommendation() {
        Recommendation r = recommender.recommend("关于城市绿化的提案", List.of("增加公园数量"), NAMES, Map.of());

        assertThat(r.lead()).isNull();
        assertThat(r.principle()).isEqualTo(Principle.NONE);
    }

    @Test
    void theShippedCatalogueAssignsTheSeedsFoodIndustryProposalToFoodSafety() {
        AssignmentRecommender shipped = new AssignmentRecommender(
                new ResponsibilityCatalogue(new ClassPathResource("assignment/responsibilities.yaml")));
        Map<String, String> names = Map.of("food", "食品安全处", "standards", "标准化处", "ip", "知识产权处", "agriculture",
                "农业和涉农企业服务处", "drugs", "药品医疗器械处", "equipment", "特种设备处", "pricing", "价格监督检查处");

        Recommendation r = shipped.recommend("关于推动高品质食品产业发展为国家粮食安全和乡村振兴做出深圳贡献的提案",
                List.of("做强“圳品”品牌，扩大供深食品标准体系", "高标准建设国际食品谷", "支持农业科技产学研成果转化"), names, Map.of());

        assertThat(r.lead()).isEqualTo("food");
        assertThat(r.assisting()).contains("standards", "agriculture");
    }
}
