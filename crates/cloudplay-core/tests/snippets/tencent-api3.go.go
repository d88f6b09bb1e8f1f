// go get github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

const paramsJSON = `{
  "ApplicationId": "app-jknfna",
  "BundleType": "S",
  "SystemDisk": {
    "DiskType": "CLOUD_PREMIUM",
    "DiskSize": 250
  },
  "InstanceName": "hai"
}`

func main() {
	// The token is empty unless the credentials are temporary ones.
	credential := common.NewTokenCredential(
		os.Getenv("TENCENTCLOUD_SECRET_ID"),
		os.Getenv("TENCENTCLOUD_SECRET_KEY"),
		os.Getenv("TENCENTCLOUD_SESSION_TOKEN"),
	)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = "hai.tencentcloudapi.com"
	cpf.HttpProfile.ReqMethod = "POST"
	client := common.NewCommonClient(credential, "ap-guangzhou", cpf)

	request := tchttp.NewCommonRequest("hai", "2023-08-12", "RunInstances")
	// UseNumber keeps integers exact; SetActionParameters on the text would read them as
	// float64 and round those past 2^53.
	params := map[string]interface{}{}
	decoder := json.NewDecoder(strings.NewReader(paramsJSON))
	decoder.UseNumber()
	if err := decoder.Decode(&params); err != nil {
		panic(err)
	}
	if err := request.SetActionParameters(params); err != nil {
		panic(err)
	}
	response := tchttp.NewCommonResponse()
	if err := client.Send(request, response); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(response.GetBody()))
}
