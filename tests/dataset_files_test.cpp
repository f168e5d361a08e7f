// Data sets read from text: the shipped UCI digits and Iris files and a
// user's own CSV, with every refusal named.
#include "nnplay/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "dataset_test_util.hpp"

namespace nnplay {
using namespace dataset_test;

TEST_CASE("dataset digits") {
  SUBCASE("the shipped file: 1797 × 64, pixels in [0, 1], labels 0..9") {
    Dataset d;
    const Status s = parse_digits_csv(read_data_file("digits.csv"), &d);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(d.inputs == 64);
    CHECK(d.size() == 1797);
    CHECK(d.classes == 10);
    REQUIRE(d.class_names.size() == 10u);
    for (int c = 0; c < 10; ++c) CHECK(d.class_names[c] == std::to_string(c));
    for (int c : label_counts(d)) CHECK(c >= 170);  // 174..183 per digit
    CHECK(*std::min_element(d.x.begin(), d.x.end()) == 0.0f);
    CHECK(*std::max_element(d.x.begin(), d.x.end()) == 1.0f);
    // The first row begins 0,0,5,13 and is a 0 (data/digits.csv.gz); /16 is exact.
    CHECK(d.x[2] == 5.0f / 16);
    CHECK(d.x[3] == 13.0f / 16);
    CHECK(d.y[0] == 0.0f);
  }
  const std::string row = "0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,"
                          "0,5,8,0,0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0";
  auto parse = [](const std::string& text) {
    return [text](Dataset* out) { return parse_digits_csv(text, out); };
  };
  SUBCASE("\\r\\n and trailing blank lines are accepted") {
    Dataset d;
    REQUIRE(parse_digits_csv(row + ",0\r\n" + row + ",7\r\n\r\n\n", &d).ok());
    CHECK(d.size() == 2);
    CHECK(d.y == std::vector<float>{0.0f, 7.0f});
  }
  SUBCASE("strict errors name the line") {
    expect_error(parse(row + ",0\n" + row + "\n"), "digits: line 2: 64 fields, expected 65");
    expect_error(parse(row + ",0,1\n"), "digits: line 1: more than 65 fields");
    expect_error(parse(row + ",0\n" + row + ",10\n"), "line 2: column 65 is \"10\", not a label 0..9");
    expect_error(parse("17" + row.substr(1) + ",1\n"), "line 1: column 1 is \"17\", not a pixel count 0..16");
    expect_error(parse(row + ",0\n" + row + ", 3\n"), "line 2: column 65 is \" 3\"");
    expect_error(parse(row + ",0\n\n" + row + ",3\n"), "digits: line 3: unexpected text after the last row");
    expect_error(parse(""), "digits: the text has no rows");
  }
}

TEST_CASE("dataset iris") {
  SUBCASE("the shipped file: 150 × 4 standardised, 3 named classes of 50") {
    Dataset d;
    const Status s = parse_iris_csv(read_data_file("iris.csv"), &d);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(d.inputs == 4);
    CHECK(d.size() == 150);
    CHECK(d.classes == 3);
    CHECK(d.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
    CHECK(label_counts(d) == std::vector<int>{50, 50, 50});
    // Standardised in double, then rounded to float (relative 6e-8 on values
    // below 3.1), so mean and sd are off by ~1e-7; 1e-5 leaves room.
    for (int j = 0; j < 4; ++j) {
      double sum = 0, sq = 0;
      for (int i = 0; i < 150; ++i) sum += d.x[4 * i + j];
      for (int i = 0; i < 150; ++i) sq += std::pow(d.x[4 * i + j] - sum / 150, 2);
      CHECK(std::fabs(sum / 150) < 1e-5);
      CHECK(std::fabs(std::sqrt(sq / 150) - 1) < 1e-5);
    }
  }
  auto parse = [](const std::string& text) {
    return [text](Dataset* out) { return parse_iris_csv(text, out); };
  };
  SUBCASE("a small file in the same format") {
    Dataset d;
    REQUIRE(parse_iris_csv("2,1,a,b\r\n1.5,0\r\n3.5,1\r\n", &d).ok());
    CHECK(d.x == std::vector<float>{-1.0f, 1.0f});  // mean 2.5, sd 1
    CHECK(d.y == std::vector<float>{0.0f, 1.0f});
    CHECK(d.class_names == std::vector<std::string>{"a", "b"});
  }
  SUBCASE("strict errors name the line") {
    expect_error(parse(""), "iris: the text is empty");
    expect_error(parse("150,4,setosa\n"), "iris: line 1: header must be");
    expect_error(parse("x,4,a,b\n"), "iris: line 1: header must be");
    expect_error(parse("3,1,a,b\n1,0\n2,1\n"), "iris: the header promises 3 rows, found 2");
    expect_error(parse("2,1,a,b\n1,0\n2,1\n3,1\n"), "iris: line 4: unexpected text after the last row");
    expect_error(parse("2,1,a,b\n1,0\n2,1,1\n"), "iris: line 3: expected 2 fields (1 features and a label), got more");
    expect_error(parse("2,1,a,b\n1,0\nabc,1\n"), "iris: line 3: column 1 is \"abc\", not a finite number");
    expect_error(parse("2,1,a,b\n1,0\nnan,1\n"), "iris: line 3: column 1 is \"nan\"");
    expect_error(parse("2,1,a,b\n1,0\n2,2\n"), "iris: line 3: label \"2\" is not a class 0..1");
  }
}

TEST_CASE("dataset custom csv") {
  SUBCASE("header, \\r\\n, BOM, spaces and blank lines are forgiven") {
    Dataset d;
    const Status s = parse_custom_csv("\xEF\xBB\xBFx1, x2 ,label\r\n1,2,0\r\n\r\n -3.5 ,4e1, 2 \r\n\r\n\r\n", false, &d);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(d.inputs == 2);
    CHECK(d.classes == 3);
    CHECK(d.x == std::vector<float>{1, 2, -3.5f, 40});
    CHECK(d.y == std::vector<float>{0, 2});
    CHECK(d.class_names.empty());
  }
  SUBCASE("classes = max label + 1, at least 2; labels like 1.0 are integers") {
    Dataset d;
    REQUIRE(parse_custom_csv("1,0\n2,0\n", false, &d).ok());
    CHECK(d.classes == 2);
    REQUIRE(parse_custom_csv("1,1.0\n2,9\n3,-0\n", false, &d).ok());
    CHECK(d.classes == 10);
    CHECK(d.y == std::vector<float>{1, 9, 0});
    CHECK_FALSE(std::signbit(d.y[2]));
  }
  SUBCASE("regression targets are any finite number") {
    Dataset d;
    REQUIRE(parse_custom_csv("a,target\n1,-2.75\n2,1e6\n", true, &d).ok());
    CHECK(d.regression());
    CHECK(d.inputs == 1);
    CHECK(d.y == std::vector<float>{-2.75f, 1e6f});
  }
  SUBCASE("the limits: 10000 rows, 64 features and the label") {
    std::string wide, rows;
    for (int j = 0; j < 64; ++j) wide += std::to_string(j) + ",";
    for (int i = 0; i < 10000; ++i) rows += std::to_string(i % 3) + "," + std::to_string(i % 2) + "\n";
    Dataset d;
    REQUIRE(parse_custom_csv(wide + "1\n", false, &d).ok());
    CHECK(d.inputs == 64);
    REQUIRE(parse_custom_csv("f,label\n" + rows, false, &d).ok());
    CHECK(d.size() == 10000);
    expect_custom_error(wide + "7,1\n", "line 1: more than 65 columns; at most 64 features and the label");
    expect_custom_error("f,label\n" + rows + "1,1\n", "line 10002: more than 10000 data rows");
  }
  SUBCASE("bad fields name the line, the column and the value") {
    expect_custom_error("1,2,0\n3,abc,1\n", "line 2: column 2 is \"abc\", not a number");
    expect_custom_error("1,2,0\n3,,1\n", "line 2: column 2 is empty");
    expect_custom_error("1,2,0\n\n3,4,1\n5,nan,1\n", "line 4: column 2 is \"nan\", not a finite number");
    expect_custom_error("1,2,0\n-inf,4,1\n", "line 2: column 1 is \"-inf\", not a finite number");
    expect_custom_error("1,2,0\n1e999,4,1\n", "line 2: column 1 is \"1e999\", not a finite number");
    expect_custom_error("1,2,0\n3,0x10,1\n", "line 2: column 2 is \"0x10\", not a number");
    // A first line mixing numbers and words is a bad row, not a header.
    expect_custom_error("1,x,0\n2,3,1\n", "line 1: column 2 is \"x\", not a number");
    expect_custom_error("1,2,0\n3,4,1\n5,6,inf\n", "line 3: column 3 is \"inf\", not a finite number", true);
  }
  SUBCASE("shapes: column counts, empty text, header only") {
    expect_custom_error("1,2,0\n3,4\n", "line 2: 2 columns, but line 1 has 3");
    expect_custom_error("x,y,label\n1,2,0\n3,4,5,1\n", "line 3: 4 columns, but line 1 has 3");
    expect_custom_error("5\n6\n", "line 1: 1 column; a row needs at least one feature and then the label");
    expect_custom_error("", "the CSV has no data rows");
    expect_custom_error("\r\n  \n", "the CSV has no data rows");
    expect_custom_error("x,label\n\n", "line 1: a header, but no data rows follow it");
  }
  SUBCASE("class labels are integers 0..9") {
    expect_custom_error("1,0\n2,2.5\n", "line 2: label \"2.5\" is not an integer class 0..9");
    expect_custom_error("1,0\n2,-1\n", "line 2: label \"-1\" is not a class 0..9");
    expect_custom_error("1,0\n2,10\n", "line 2: label \"10\" is not a class 0..9");
    expect_custom_error("1,0\n2,cat\n", "line 2: column 2 is \"cat\", not a number");
  }
}

}  // namespace nnplay
