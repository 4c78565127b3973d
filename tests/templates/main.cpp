#define BOOST_TEST_MODULE samla_templates
#include <boost/test/unit_test.hpp>
