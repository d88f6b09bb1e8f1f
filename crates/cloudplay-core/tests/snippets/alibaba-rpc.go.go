// go get github.com/alibabacloud-go/darabonba-openapi/v2 github.com/alibabacloud-go/tea
package main

import (
	"fmt"
	"os"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/dara"
)

func main() {
	client, err := openapi.NewClient(&openapi.Config{
		AccessKeyId:     dara.String(os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID")),
		AccessKeySecret: dara.String(os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")),
		// Empty unless the credentials are STS ones.
		SecurityToken:   dara.String(os.Getenv("ALIBABA_CLOUD_SECURITY_TOKEN")),
		Endpoint:        dara.String("business.aliyuncs.com"),
	})
	if err != nil {
		panic(err)
	}
	params := &openapi.Params{
		Action:      dara.String("CreateInstance"),
		Version:     dara.String("2017-12-14"),
		Protocol:    dara.String("HTTPS"),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		Pathname:    dara.String("/"),
		ReqBodyType: dara.String("json"),
		BodyType:    dara.String("json"),
	}
	// RPC parameters travel flat: nested values as Name.N.Field, lists counted from 1.
	request := &openapi.OpenApiRequest{
		Query: map[string]*string{
			"ProductCode":       dara.String("rds"),
			"ProductType":       dara.String("rds"),
			"SubscriptionType":  dara.String("Subscription"),
			"Period":            dara.String("12"),
			"RenewalStatus":     dara.String("ManualRenewal"),
			"RenewPeriod":       dara.String("12"),
			"ClientToken":       dara.String("JASIOFKVNVIXXXXXX"),
			"Logistics":         dara.String("{\"cityCode\":\"330100\",\"cityName\":\"Hangzhou\",\"contactName\":\"Test\",\"countryCode\":\"\",\"districtName\":\"Puyan Street\",\"email\":\"**@example.com\",\"mobilePhone\":\"153564848844\",\"phone\":\"1234567\",\"provCode\":\"330000\",\"provName\":\"Zhejiang\",\"streetCode\":\"33010610\",\"streetName\":\"Zhuantang\",\"zipCode\":\"0000\"}"),
			"Parameter.1.Code":  dara.String("InstanceType"),
			"Parameter.1.Value": dara.String("disk"),
			"PricingCycle":      dara.String("2"),
		},
	}
	// darabonba-openapi/v2 v2.1 and later; before v2.1, pass &util.RuntimeOptions{} from
	// github.com/alibabacloud-go/tea-utils/v2/service instead.
	response, err := client.CallApi(params, request, &dara.RuntimeOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(response["body"])
}
