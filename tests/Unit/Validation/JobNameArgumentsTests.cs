using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using IRSteps.Validation;
using Xunit;

namespace IRSteps.Tests
{
    /// <summary>
    /// What -JobName is given, made into names (JobNameArguments), and the name check (JobNames). PowerShell's own way
    /// of looking into objects (PSObject) is tried by the Pester tests; here a plain .NET inspector stands in for it.
    /// </summary>
    public class JobNameArgumentsTests
    {
        private static readonly ObjectInspector Clr = new ClrObjects();

        private static string[] Names(object input) => JobNameArguments.Names(input, Clr);

        [Fact]
        public void Names_come_out_in_the_order_given_with_nested_arrays_flattened()
        {
            object input = new object[] { "job-a", new object[] { "job-b", new List<string> { "job-c" } }, "job-d" };

            Assert.Equal(new[] { "job-a", "job-b", "job-c", "job-d" }, Names(input));
        }

        [Fact]
        public void A_single_name_is_an_array_of_one()
        {
            Assert.Equal(new[] { "nightly-resnet50" }, Names("nightly-resnet50"));
        }

        [Fact]
        public void Numbers_and_guids_are_names_in_their_invariant_text()
        {
            var id = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");

            Assert.Equal(new[] { "20240601", "0f8fad5b-d9cb-469f-a165-70867728950e" }, Names(new object[] { 20240601, id }));
        }

        [Fact]
        public void Null_and_empty_names_are_left_for_PowerShell_to_refuse_at_binding()
        {
            Assert.Null(JobNameArguments.Names(null, Clr));
            Assert.Equal(new[] { "a", null, "", "b" }, Names(new object[] { "a", null, "", "b" }));
        }

        [Fact]
        public void An_object_with_a_JobName_property_means_that_job()
        {
            object input = new object[] { new Job("from-object"), "plain", new Step("from-step", "COMPLETED") };

            Assert.Equal(new[] { "from-object", "plain", "from-step" }, Names(input));
        }

        [Fact]
        public void A_dictionary_with_a_JobName_key_in_any_case_means_that_job()
        {
            var hashtable = new Hashtable { { "jobname", "from-hashtable" } };
            var dictionary = new Dictionary<string, object> { { "JobName", "from-dictionary" }, { "Region", "us-east-1" } };

            Assert.Equal(new[] { "from-hashtable", "from-dictionary" }, Names(new object[] { hashtable, dictionary }));
        }

        [Fact]
        public void A_JobName_holding_several_names_gives_each()
        {
            Assert.Equal(new[] { "a", "b" }, Names(new Job(new[] { "a", "b" })));
        }

        [Fact]
        public void Something_with_no_JobName_keeps_its_place_and_is_refused_naming_its_type_and_properties_never_their_values()
        {
            var given = new Credentials { Name = "mine", Secret = "CANARY-SECRET-VALUE" };

            string[] names = Names(new object[] { "job-a", given, "job-b" });

            Assert.Equal(3, names.Length);
            Assert.Equal("job-a", names[0]);
            Assert.Equal("job-b", names[2]);
            Assert.False(JobNames.IsValid(names[1]));
            string problem = JobNames.Problem(names[1]);
            Assert.StartsWith("-JobName got a " + typeof(Credentials).FullName + " (properties Name, Secret) where a job name belongs: it has no JobName property.", problem);
            Assert.Contains("objects with a JobName property", problem);
            Assert.DoesNotContain("CANARY", problem);
            Assert.DoesNotContain("mine", problem);
            Assert.Same(given, JobNames.Target(names[1]));
        }

        [Fact]
        public void A_dictionary_without_a_JobName_key_is_refused_naming_its_keys()
        {
            string[] names = Names(new Hashtable { { "Name", "x" } });

            Assert.Equal("-JobName got a System.Collections.Hashtable (keys Name) where a job name belongs: it has no JobName key. " +
                         "Give job names, or objects with a JobName property (the jobs of Get-IRJob, the steps of Get-IRJobStep, " +
                         "or copies of them from Import-Clixml or ConvertFrom-Json).", JobNames.Problem(names[0]));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void An_object_whose_JobName_is_empty_is_refused_as_such(string jobName)
        {
            var job = new Job(jobName);

            string[] names = Names(job);

            Assert.Single(names);
            Assert.False(JobNames.IsValid(names[0]));
            Assert.Contains("where a job name belongs: its JobName is empty.", JobNames.Problem(names[0]));
            Assert.Same(job, JobNames.Target(names[0]));
        }

        [Fact]
        public void An_object_whose_JobName_is_not_a_name_is_refused_naming_what_it_holds()
        {
            var job = new Job(new Job("inner"));

            string problem = JobNames.Problem(Names(job).Single());

            Assert.Contains("its JobName is a " + typeof(Job).FullName + " (properties JobName), not a name.", problem);
        }

        [Fact]
        public void A_list_that_contains_itself_is_refused_not_followed_forever()
        {
            var list = new ArrayList { "job-a" };
            list.Add(list);

            string[] names = Names(new object[] { list, "job-b" });

            Assert.Equal(3, names.Length);
            Assert.Equal("job-a", names[0]);
            Assert.Contains("where a job name belongs: it contains itself.", JobNames.Problem(names[1]));
            Assert.Equal("job-b", names[2]);
        }

        [Fact]
        public void Only_the_stand_in_itself_is_refused_never_a_name_typed_with_the_same_text()
        {
            string standIn = Names(new Credentials()).Single();
            string typed = new string(standIn.ToCharArray());

            Assert.True(JobNameArguments.TryGetStandIn(standIn, out _));
            Assert.False(JobNameArguments.TryGetStandIn(typed, out _));
            Assert.StartsWith("'" + typed + "' is not a valid Inference Recommender job name", JobNames.Problem(typed));
            Assert.Equal(typed, JobNames.Target(typed));
        }

        [Theory]
        [InlineData("nightly-resnet50")]
        [InlineData("a")]
        [InlineData("a--b")]
        [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
        public void Names_that_keep_the_rule_are_valid(string name)
        {
            Assert.True(JobNames.IsValid(name));
        }

        [Theory]
        [InlineData("nightly-resnet50\n", "'nightly-resnet50`n'")]
        [InlineData("nightly-resnet50\r\n", "'nightly-resnet50`r`n'")]
        [InlineData("\nnightly", "'`nnightly'")]
        [InlineData("night\nly", "'night`nly'")]
        [InlineData("nightly\t", "'nightly`t'")]
        [InlineData("nightly\u001b", "'nightly`u{1B}'")]
        [InlineData("bad name!", "'bad name!'")]
        [InlineData("-leading", "'-leading'")]
        [InlineData("trailing-", "'trailing-'")]
        [InlineData("under_score", "'under_score'")]
        public void Names_that_break_the_rule_are_refused_showing_their_control_characters(string name, string shown)
        {
            Assert.False(JobNames.IsValid(name));
            Assert.StartsWith(shown + " is not a valid Inference Recommender job name: use 1 to 64 letters, digits and hyphens", JobNames.Problem(name));
        }

        [Fact]
        public void Names_of_64_characters_pass_and_of_65_do_not()
        {
            Assert.True(JobNames.IsValid(new string('x', 64)));
            Assert.False(JobNames.IsValid(new string('x', 65)));
            Assert.False(JobNames.IsValid(new string('x', 64) + "\n"));
        }

        [Fact]
        public void A_value_in_the_service_style_with_a_newline_inside_is_not_passed_on()
        {
            Assert.False(ServiceValues.StepStatus.TryNormalize("Status", "ARCHIVED\nX", out _, out _));
            Assert.False(ServiceValues.JobSortBy.TryNormalize("SortBy", "LastModified\nTime", out _, out _));
        }

        [Fact]
        public void A_value_in_the_service_style_is_sent_without_the_whitespace_around_it()
        {
            Assert.True(ServiceValues.StepStatus.TryNormalize("Status", "ARCHIVED\n", out string sent, out _));
            Assert.Equal("ARCHIVED", sent);
        }

        private sealed class ClrObjects : ObjectInspector
        {
            public override object Unwrap(object value) => value;

            public override bool TryGetProperty(object value, string name, out object property)
            {
                PropertyInfo found = value.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                property = found?.GetValue(value);
                return found != null;
            }

            public override IEnumerable<string> PropertyNames(object value) => value.GetType().GetProperties().Select(property => property.Name);

            public override string TypeName(object value) => value.GetType().FullName;
        }

        private sealed class Job
        {
            public Job(object jobName)
            {
                JobName = jobName;
            }

            public object JobName { get; }
        }

        private sealed class Step
        {
            public Step(string jobName, string status)
            {
                JobName = jobName;
                Status = status;
            }

            public string JobName { get; }
            public string Status { get; }
        }

        private sealed class Credentials
        {
            public string Name { get; set; }
            public string Secret { get; set; }
        }
    }
}
