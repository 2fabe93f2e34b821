package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The custom-resource function's role allows exactly what the managers call: the IAM actions derived from every
 * manager's {@code apiCalls()} (through {@link IamActions}), plus writing its own log group. A missing action
 * would fail a user's stack; an extra one is a permission nobody needs.
 */
class LambdaPolicyTest {
    private static final Set<String> OWN_LOGS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");
    private static final Map<String, Object> CDN_ROLE_PATH_ARNS = Map.of(
            "Fn::Sub",
            List.of(
                    "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/mediapackage-cdn/${StackUuid}/*",
                    Map.of(
                            "StackUuid",
                            Map.of(
                                    "Fn::Select",
                                    List.of(2, Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId"))))))));
    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void lambdaRoleAllowsExactlyTheActionsTheManagersCall() {
        Set<String> needed = new TreeSet<>(OWN_LOGS);
        for (String id : template.customResources()) {
            for (String call :
                    ManagerSpecs.of(CfnTemplate.kindOf(template.type(id))).apiCalls()) {
                needed.addAll(IamActions.forCall(call));
            }
        }
        Set<String> granted = new TreeSet<>();
        statements().forEach(statement -> granted.addAll(actions(statement)));

        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(granted);
        Set<String> extra = new TreeSet<>(granted);
        extra.removeAll(needed);
        assertEquals("missing=[] extra=[]", "missing=" + missing + " extra=" + extra);
    }

    @Test
    void everyStatementAllowsNamedActionsWithoutWildcards() {
        for (Map<String, Object> statement : statements()) {
            assertEquals("Allow", statement.get("Effect"), String.valueOf(statement));
            for (String action : actions(statement)) {
                assertFalse(action.contains("*"), "wildcard action " + action);
            }
        }
    }

    @Test
    void eachServiceRoleIsPassedOnlyToItsServiceAndNoOtherRoleIsPassed() {
        Map<Object, Object> passed = new java.util.LinkedHashMap<>();
        for (Map<String, Object> statement : statements()) {
            if (actions(statement).contains("iam:PassRole")) {
                assertEquals(List.of("iam:PassRole"), actions(statement), "PassRole in a statement of its own");
                passed.put(statement.get("Resource"), statement.get("Condition"));
            }
        }
        assertEquals(
                Map.of(
                        Map.of("Fn::GetAtt", List.of("MediaLiveRole", "Arn")),
                        Map.of("StringEquals", Map.of("iam:PassedToService", "medialive.amazonaws.com")),
                        CDN_ROLE_PATH_ARNS,
                        Map.of("StringEquals", Map.of("iam:PassedToService", "mediapackage.amazonaws.com"))),
                passed);
    }

    /**
     * The permission to pass the CDN authorization role must not change in the update that turns authorization on
     * (IAM would still be propagating it when the endpoints are updated) or off (a rollback would need it back): it
     * is granted in every stack, by the role's stack-unique path rather than a reference to the role.
     */
    @Test
    void theCdnAuthorizationRoleMayBePassedInEveryStackByItsStackUniquePath() {
        Map<String, Object> passCdnRole = null;
        for (Object policy :
                CfnTemplate.list(template.properties("CustomResourceRole").get("Policies"))) {
            for (Object statement :
                    CfnTemplate.list(CfnTemplate.map(CfnTemplate.map(policy).get("PolicyDocument"))
                            .get("Statement"))) {
                if ("PassMediaPackageCdnRole".equals(CfnTemplate.map(statement).get("Sid"))) {
                    passCdnRole = CfnTemplate.map(statement);
                }
            }
        }
        assertTrue(passCdnRole != null, "PassMediaPackageCdnRole is a statement of its own, under no condition");
        assertEquals(CDN_ROLE_PATH_ARNS, passCdnRole.get("Resource"));
        List<Object> roleArns = CfnTemplate.list(CDN_ROLE_PATH_ARNS.get("Fn::Sub"));
        List<Object> rolePath = CfnTemplate.list(
                CfnTemplate.map(template.properties("MediaPackageCdnRole").get("Path"))
                        .get("Fn::Sub"));
        assertEquals(
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:role" + rolePath.get(0) + "*",
                roleArns.get(0),
                "the statement names the path the role is made under");
        assertEquals(rolePath.get(1), roleArns.get(1));
    }

    @Test
    void mediaPackageReadsOnlyTheStacksCdnIdentifierSecret() {
        Map<String, Object> role = template.properties("MediaPackageCdnRole");
        assertEquals(
                "UseCdnAuthorization", template.resource("MediaPackageCdnRole").get("Condition"));
        assertEquals(
                List.of(Map.of(
                        "Effect",
                        "Allow",
                        "Principal",
                        Map.of("Service", "mediapackage.amazonaws.com"),
                        "Action",
                        "sts:AssumeRole")),
                CfnTemplate.map(role.get("AssumeRolePolicyDocument")).get("Statement"));
        Map<String, Object> document = CfnTemplate.map(
                CfnTemplate.map(CfnTemplate.list(role.get("Policies")).get(0)).get("PolicyDocument"));
        Set<String> onTheSecret = new TreeSet<>();
        Set<String> everywhere = new TreeSet<>();
        for (Object item : CfnTemplate.list(document.get("Statement"))) {
            Map<String, Object> statement = CfnTemplate.map(item);
            if (Map.of("Ref", "CdnIdentifierSecret").equals(statement.get("Resource"))) {
                onTheSecret.addAll(actions(statement));
            } else if ("*".equals(statement.get("Resource"))) {
                everywhere.addAll(actions(statement));
            }
        }
        assertEquals(
                Set.of(
                        "secretsmanager:DescribeSecret",
                        "secretsmanager:GetSecretValue",
                        "secretsmanager:ListSecretVersionIds"),
                onTheSecret);
        assertEquals(Set.of("secretsmanager:ListSecrets"), everywhere, "only what names no resource takes '*'");
    }

    @Test
    void parametersAreWrittenOnlyUnderTheStacksOwnPath() {
        String path =
                "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${AWS::StackName}/medialive/*";
        for (Map<String, Object> statement : statements()) {
            if (actions(statement).stream().anyMatch(a -> a.startsWith("ssm:"))) {
                assertEquals(Map.of("Fn::Sub", path), statement.get("Resource"));
            }
        }
        Map<String, Object> mediaLiveRole = template.properties("MediaLiveRole");
        String policy = String.valueOf(mediaLiveRole.get("Policies"));
        assertTrue(policy.contains(path), "MediaLive reads the passwords on the same path");
    }

    @Test
    void onlyActionsWithoutResourceLevelPermissionsUseAWildcardResource() {
        Set<String> wildcard = new TreeSet<>();
        for (Map<String, Object> statement : statements()) {
            if ("*".equals(statement.get("Resource"))) {
                wildcard.addAll(actions(statement));
            }
        }
        for (String action : wildcard) {
            String name = action.substring(action.indexOf(':') + 1);
            assertTrue(
                    name.startsWith("Create") || name.startsWith("List") || name.equals("TagResource"),
                    action + " supports resource-level permissions; name this stack's resources");
        }
    }

    /** Every statement of the role's inline policies, taking both branches of each {@code Fn::If}. */
    private List<Map<String, Object>> statements() {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy :
                CfnTemplate.list(template.properties("CustomResourceRole").get("Policies"))) {
            Map<String, Object> document =
                    CfnTemplate.map(CfnTemplate.map(policy).get("PolicyDocument"));
            for (Object statement : CfnTemplate.list(document.get("Statement"))) {
                collect(statement, statements);
            }
        }
        return statements;
    }

    private static void collect(Object statement, List<Map<String, Object>> into) {
        Map<String, Object> map = CfnTemplate.map(statement);
        if (map.containsKey("Fn::If")) {
            List<Object> branches = CfnTemplate.list(map.get("Fn::If"));
            for (Object branch : branches.subList(1, 3)) {
                if (!(branch instanceof Map<?, ?> b && "AWS::NoValue".equals(b.get("Ref")))) {
                    collect(branch, into);
                }
            }
        } else {
            into.add(map);
        }
    }

    private static List<String> actions(Map<String, Object> statement) {
        return CfnTemplate.list(statement.get("Action")).stream()
                .map(String::valueOf)
                .toList();
    }
}
