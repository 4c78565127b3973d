#define BOOST_TEST_MODULE samla_models
#include <boost/test/unit_test.hpp>
