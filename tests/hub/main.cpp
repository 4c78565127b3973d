#define BOOST_TEST_MODULE samla_hub
#include <boost/test/unit_test.hpp>
